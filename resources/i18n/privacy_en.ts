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
</TS>
