"""Who is who: this installation's keys, the keys it trusts, sealed and signed bundles, hostile-input limits.

Qt-free. `keys` (identity and public key text), `trustlist` (trusted keys with roles), `container` (the sealed
bundle file format), `limits` and `records` (checks every reader applies while streaming), `policy` (who may
write what).
"""
