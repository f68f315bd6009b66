<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>SyncPanel</name>
    <message>
        <source>Central system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only for the city&apos;s own certificate authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync automatically when the server can be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send rejected again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once the cause is fixed, send the records the central system rejected once more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write bundle file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import bundle file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only the current session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected (with the reason)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle files (*.bundle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle files (*.bundle *.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored (type a new one to replace it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paste the token from your supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is kept in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is kept in a file only you can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server address and the device token first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent {sent} of {total}: {accepted} accepted, {rejected} rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central system cannot be reached now; will try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarded {n} bundles of other installations ({accepted} of their records accepted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync partly done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They are {name}&apos;s records: that installation sends them to the central system, not this one (unless you revise them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From other installations: {n} (their own installation sends them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sync or a bundle file is in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{status}: {accepted} accepted, {rejected} rejected, in {batches} batches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From other installations (they send their own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write bundle file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import bundle file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle imported: {records} records, {changed} new or newer, {unchanged} already here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle written: {n} records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet synced: {n} (of which rejected: {r})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: {when} ({status}, {accepted} accepted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncRecordsModel</name>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another installation&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mbps} Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reopened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
