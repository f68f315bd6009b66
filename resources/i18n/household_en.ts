<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>HouseholdField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latitude longitude, e.g. 16.4637 107.5909</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use current position</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdFormView</name>
    <message>
        <source>← Households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed test of this connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts are also saved automatically (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change a finalized interview; you will be asked why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure the household&apos;s own connection; the result is linked to this interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove member {n} and their answers?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No position yet: connect the GPS (Signal page) or type the latitude and longitude.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The household refused; the refusal is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interview is finalized.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit a finalized interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why does this interview need to change?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the interview changes; the reason is kept in its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing. Reason: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes saved; the previous version is kept in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything needed is answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End interview (&amp;refused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finalize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} answers still missing or not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything needed is answered (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed test ({n}; last {mbps} Mbit/s)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdFormsDialog</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New interviews of this session use “{title}”, version {version}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an XLSForm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XLSForm workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be used: {n} problems, listed below. Nothing was installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed “{title}”, version {version}: {n} questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaires installed on this laptop. Import an XLSForm workbook (.xlsx) to add one: it is checked first, and every problem is listed with its sheet, row and column. A session&apos;s new interviews use the questionnaire chosen for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by the current session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import an XLSForm…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use for the current session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdHistoryDialog</name>
    <message>
        <source>History of this interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This interview has not been changed since it was finalized.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hamlet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Questionnaires…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households of the session in {unit} ({team})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a session to record household interviews.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a session first (Session page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty draft closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this draft interview and its answers? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdRoster</name>
    <message>
        <source>&amp;Add member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a member to the roster (Ctrl+Shift+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>age {age}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
