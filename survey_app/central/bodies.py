"""Request bodies read as hostile input: size limits before and after decompression enforced while the body
streams (a gzip bomb stops at the limit, never fully inflated), and time-outs for clients that send slowly."""
from __future__ import annotations

import asyncio
import time
import zlib
from dataclasses import dataclass
from typing import Any, Callable

from fastapi import HTTPException, Request


INFLATE_STEP = 1 << 20
MAX_RATIO = 200        # JSON batches inflate 5-30 times; a bomb a thousand times
RATIO_FROM = 4 << 20   # the ratio is judged once this much was inflated


@dataclass
class BodyLimits:
    """Sizes and times a request body must keep."""

    max_bytes: int                  # as sent (compressed or not)
    max_inflated: int               # after gunzip
    idle_s: float = 30.0            # at most this long between two pieces of the body
    total_s: float = 300.0          # the whole body within this


async def read_body(request: Request, limits: BodyLimits, sink: Callable[[bytes], Any] | None = None) -> bytes:
    """The body (gunzipped if Content-Encoding says gzip), or 413/400/408/415 as HTTPException. With `sink`,
    each piece goes there instead of being kept (returns b"")."""
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "gzip", ""):
        raise HTTPException(415, "unsupported content encoding (gzip or identity)")
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limits.max_bytes:
        raise HTTPException(413, "request body too large")
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding == "gzip" else None
    parts: list[bytes] = []
    sent = inflated = 0
    deadline = time.monotonic() + limits.total_s
    stream = request.stream().__aiter__()
    while True:
        wait = min(limits.idle_s, deadline - time.monotonic())
        if wait <= 0:
            raise HTTPException(408, "the request body took too long")
        try:
            chunk = await asyncio.wait_for(stream.__anext__(), wait)
        except StopAsyncIteration:
            break
        except asyncio.TimeoutError:
            raise HTTPException(408, "the client sent nothing for too long") from None
        sent += len(chunk)
        if sent > limits.max_bytes:
            raise HTTPException(413, "request body too large")
        if inflater is not None:
            chunk = _inflate(inflater, chunk, limits.max_inflated - inflated, sent, inflated)
        inflated += len(chunk)
        if chunk:
            if sink is not None:
                sink(chunk)
            else:
                parts.append(chunk)
    if inflater is not None and not inflater.eof:
        raise HTTPException(400, "gzip body is truncated")
    return b"".join(parts)


def _inflate(inflater, chunk: bytes, room: int, sent: int, inflated: int) -> bytes:
    """Inflate one piece in steps of INFLATE_STEP, never past `room` bytes, and stop a body that inflates more
    than MAX_RATIO times what was sent (a gzip bomb is refused after a few MiB, not at the limit)."""
    if inflater.eof:
        if chunk:
            raise HTTPException(400, "data after the end of the gzip body")
        return b""
    parts, data = [], chunk
    while data:
        try:
            out = inflater.decompress(data, INFLATE_STEP)
        except zlib.error as exc:
            raise HTTPException(400, f"body is not valid gzip: {exc}") from None
        parts.append(out)
        inflated += len(out)
        room -= len(out)
        if room < 0 or (inflated > RATIO_FROM and inflated > MAX_RATIO * sent):
            raise HTTPException(413, "request body too large once decompressed")
        data = inflater.unconsumed_tail
    if inflater.unused_data:
        raise HTTPException(400, "data after the end of the gzip body")
    return b"".join(parts)
