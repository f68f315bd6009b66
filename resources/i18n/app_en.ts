<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>KeysPanel</name>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paste a public key (hue-survey-key-1:...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whose key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>surveyor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>central system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoked {at}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key copied: give it to whoever must trust this installation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trust list could not be saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted {name} ({role}), fingerprint {fp}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a key in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is no longer trusted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp; export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the session in {unit}? No more records can be added to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session: {team} · {unit} · since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modem: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPS: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network: checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced: …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network: unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network: online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network: local only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network: offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huế connectivity survey {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[DEMO] {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huế connectivity survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO: emulated devices and sample data, not for real survey records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ward or commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>“{page}” is not available in this version of the app.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a survey session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ward / commune:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Surveyors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <source>Survey sessions on this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surveyors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speed tests: {tests} · signal readings: {readings} · households: {households}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the {n} newest sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this session? No more records can be added to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Surveyor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices and servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: nearest speedtest.net server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: find modems automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed-test &amp;server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed-test &amp;protocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Modem port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;GPS port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal logging &amp;interval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep personal data for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central system &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal grading (excellent / good / fair; below is poor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSRP (dBm):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSRQ (dB):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SINR (dB):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSSI (dBm):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSCP (dBm):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade limits must go down from excellent to fair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed-test server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central system URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: “{url}” is not a web address. Write it like http://192.168.1.10:8080/ or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings could not be saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransferPage</name>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available in this version of the app.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
