<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>IndicatorCharts</name>
    <message>
        <source>4G/5G coverage by operator (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residents using the Internet (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators: {legend}. Dashed line: the target. Residents: bar colour = how the unit stands against the target.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDecisionDialog</name>
    <message>
        <source>Approve session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session of {team} in {unit}, started {start}; surveyed by {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} surveyed this session. A review is meant to be done by someone else; if you must review your own work, say so below (the decision records your name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why? (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reviewer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your name (a supervisor, not the surveyor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I know I surveyed this session and review it myself</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDetail</name>
    <message>
        <source>Choose a session in the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signal readings in this session.</source>
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
        <source>Connection</source>
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
        <source>Down Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ping ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hamlet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fibre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enlarge map…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit} · {team} · {start} · {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surveyors: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No quality flags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{decision} by {reviewer}, {at}: {comment}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSRP of each reading, by operator: {legend}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} readings with a position; click a point to see it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewIndicatorsView</name>
    <message>
        <source>Include sessions not yet approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households with fibre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digital signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download (median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload (median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator / technology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets and sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usable 4G/5G signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usable 5G signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4G/5G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fibre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes with fibre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet users</source>
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
        <source>Ward or commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{op}: share of its readings with usable 4G/5G signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4G/5G coverage: the best operator&apos;s share of usable readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fibre available: share of hamlets where a household has fibre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residents who used the Internet in the last 3 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adults with a digital signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median download, Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median upload, Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed tests (enough when at least the number in the sources)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within 10 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too few samples to judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“no data”: nothing measured yet. City row: 4G/5G and fibre are the share of units that meet the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing indicators…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not compute the indicators: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all sessions except rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{scope}, {filters}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {scope}; computed in {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit covered by an operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broadband speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed tests needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal readings needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: 4G/5G coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: fibre available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: residents using the Internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: households with fibre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: adults with a digital signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{v} dBm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{v} Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}: by operator (modem tests) and by technology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tech}: {share} of readings, {usable} with usable signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tech}: {down} / {up} Mbit/s ({n} tests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{op}: {down} / {up} Mbit/s ({n} tests)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewKpiView</name>
    <message>
        <source>From valid speed tests only. A share says how many valid tests reached a threshold; it describes the samples and does not say whether an operator complies with a regulation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
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
        <source>Valid tests (invalid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download 10th pct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload 10th pct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency 90th pct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thresholds reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The KPIs could not be computed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} groups; a figure needs at least {min} valid tests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough tests ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{id}: mean {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{id}: {share}%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewMapDialog</name>
    <message>
        <source>Map: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll to zoom, drag to pan, click a point to see its record.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed KPIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any flag or none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session of {team} in {unit} ({start}) {decision} by {reviewer} on {at}: {comment}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team or surveyor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal strength (RSRP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household has Internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household has fibre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red = weak or slow, green = strong or fast, grey = no value. Scroll to zoom, drag to pan, click a point to see its record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking sessions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} sessions · checked {checked} in {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checks failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading points…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} points (an even sample when there are more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lies in {unit}, not in the session&apos;s unit. </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewRecordText</name>
    <message>
        <source>RSRP {value} dBm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SINR {value} dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download {value} Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload {value} Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hamlet: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet at home: {answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fibre: {answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lat}° N, {lon}° E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy ±{metres} m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session of {team} in {unit}, {day}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewSessionsModel</name>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit code {code}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
