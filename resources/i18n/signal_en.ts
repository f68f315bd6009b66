<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>PositionDialog</name>
    <message>
        <source>Set the position by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude and longitude in decimal degrees (WGS84), inside Huế.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longitude:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the unit&apos;s inside point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter both numbers, e.g. 16,4637 and 107,5909.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lat}, {lon} is outside Huế (latitude {a}–{b}, longitude {c}–{d}). Did you swap latitude and longitude?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignalPage</name>
    <message>
        <source>Modems and GPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serial port, e.g. /dev/ttyUSB2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add modem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;very</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPS: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set position by &amp;hand…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPS: connecting to {port}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} serial ports found, {m} of them modems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware: {revision}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unplugged, waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No SIM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the session of {team} in {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging into {session}: {n} readings stored, {w} waiting (the database is busy, retrying).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging into {session}: {n} readings stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPS: {lat}° N, {lon}° E (±{acc} m, {sats} satellites)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position set by hand: {lat}° N, {lon}° E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signal readings are being logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{cell} (PCI {pci})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSRP {rsrp} dBm · RSRQ {rsrq} dB · SINR {sinr} dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSCP {rscp} dBm · Ec/Io {ecio} dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSSI {rssi} dBm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · NR {rsrp} dBm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging cannot write: {reason} ({w} readings waiting in memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or continue a survey session first (Session page); readings are stored in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop &amp;logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging stopped: {n} readings stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPS: unplugged, waiting for it to return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPS: connected, no fix yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {n} bad sentences skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignalPlot</name>
    <message>
        <source>Signal power (RSRP, or RSCP/RSSI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality (RSRQ, or Ec/Io)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SINR</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
