<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CoverageGapsPanel</name>
    <message>
        <source>successful speed tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signal readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy (any date if empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4G and 5G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newer than</source>
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
        <source>Find gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team laptop the bundle is sealed to (trusted surveyor keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign ticked gaps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trusted surveyor laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for gaps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h3} · {operator} · {technology}: {have} of {need}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{gaps} gaps in {cells} hexagons of the unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the assignment bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust the key of the team&apos;s laptop first (Settings, Keys: role surveyor); the bundle is sealed to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} already exists; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignment of {n} targets written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverageMapBar</name>
    <message>
        <source>Hexagons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small (H3 res 9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large (H3 res 8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSRP median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSRP 10th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SINR median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share without service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import basemap…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basemap:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved sessions only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All operators, all technologies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{operator}, all technologies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No basemap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import basemap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MBTiles tile sets (*.mbtiles);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basemap {name} imported: {tiles} tiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading hexagons…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} hexagons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoveragePage</name>
    <message>
        <source>My targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find gaps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverageTargetsPanel</name>
    <message>
        <source>Import assignment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{metres} m {direction}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no position yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{operator} · {technology} · {where} · {seen} of {need}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{open} targets to visit, {done} done, in {n} assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No assignment yet: import the bundle your supervisor gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles (*.zip *.bundle);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be imported: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
