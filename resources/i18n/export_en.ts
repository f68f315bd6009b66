<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ExportPanel</name>
    <message>
        <source>What to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (Excel, LibreOffice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GeoJSON (QGIS, maps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household interviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator summary per ward/commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed KPIs per ward/commune, operator and technology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick units to export only them; none ticked means every unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wards/communes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates (Huế time):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only approved sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include names and phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out by default: respondents&apos; and members&apos; names, phone numbers, surveyors&apos; names and free-text notes. Include them only if the receiver is allowed to hold personal data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precise household locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GeoPackage (QGIS, one file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One survey.gpkg file with every layer, the unit boundaries and the coverage hexagons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By default, positions of households (and of speed tests taken at a household) are rounded to about 100 m, so a home cannot be found from the file. Signal readings keep their exact position.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One .zip archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one layer to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packing the archive… {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer}: {done} of {total} rows (layer {index} of {count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer} ({file}): {rows}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an export is being written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names and phones included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household members (CSV, GeoPackage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wards and communes with their boundaries (GeoPackage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage hexagons, H3 resolution 8 (GeoPackage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage hexagons, H3 resolution 9 (GeoPackage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no names or phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>precise locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>household locations rounded to about 100 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported into {folder}: {counts}. Privacy: {personal}; {places}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the files?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace them with this export?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
