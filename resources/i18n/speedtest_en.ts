<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConditionsPanel</name>
    <message>
        <source>Indoor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outdoor, fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outdoor, moving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a vehicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicle, external antenna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carried:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeedTestDialog</name>
    <message>
        <source>Speed test for this household</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeedTestEvidence</name>
    <message>
        <source>latitude, longitude (e.g. 16.4674, 107.5905)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where the server is, for the distance rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a position: write latitude, longitude in decimal degrees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ran: download {d}, upload {u}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid evidence: every rule holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid as evidence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longest run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{s} s ({why})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeedTestPage</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http://server/ (LibreSpeed) or http://server/speedtest/upload.php</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ookla (speedtest.net)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find nearest speedtest.net server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s each way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download (Mbit/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload (Mbit/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitter (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to &amp;measure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server position:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency under load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (the computer&apos;s default route)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} – {kind} ({address})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open session: open one to store speed tests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A speed test is stored in an open session. Open a session now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a server URL, or find the nearest speedtest.net server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test was not started: it needs an open session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring latency…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{phase}: {mbps} Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mbps} Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test stopped because of an internal error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{v} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a speed test is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session: {unit} · team {team}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test of {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓ {down} · ↑ {up}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mb} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test complete and stored in the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test cancelled; stored as cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test failed; stored as failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking speedtest.net for the nearest servers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speedtest.net found no server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearest server: {sponsor}, {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
