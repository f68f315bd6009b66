<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase of the survey data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop has no system keyring to keep the key of the survey data. Choose a passphrase (at least {n} characters). It is asked once per login; without it the data in {folder} cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase of the survey data in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A passphrase needs at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyRequestsPage</name>
    <message>
        <source>A household may ask to see what was recorded about it, to have it erased, or to withdraw its consent. Decree 356/2025/NĐ-CP: acknowledge a request within 2 working days and complete it within 15 days (see docs/privacy.md). On the command line: survey-app households export-person / erase, survey-app consent withdraw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove their personal data from this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household: type its name, hamlet or day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the household its data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase the household…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an erased household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} households of approved sessions that reached the central system are older than the retention period ({days} days) and still hold names, phones or positions here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No household is past the retention period ({days} days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>household without a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the household that asked from the list (type part of its name, hamlet or day).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove personal data?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names, phones and precise positions of these households are removed. The change is sent to the central system like any other; it keeps the earlier version in its history. Continue?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data removed from {n} households.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the household&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>household-data-{when}.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written: {files}. Give these files to the household.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the files?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase the household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its answers, members, consent, positions and the speed tests taken there are erased here, at the central system and on other laptops. This cannot be undone. Why (who asked, when)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the household is erased; nothing was erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erased: {n} records. The erasure reaches the central system at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
