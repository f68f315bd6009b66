<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase of the survey data</source>
        <translation>Cụm mật khẩu của dữ liệu khảo sát</translation>
    </message>
    <message>
        <source>This laptop has no system keyring to keep the key of the survey data. Choose a passphrase (at least {n} characters). It is asked once per login; without it the data in {folder} cannot be read.</source>
        <translation>Máy này không có kho khóa hệ thống để giữ khóa của dữ liệu khảo sát. Hãy chọn một cụm mật khẩu (ít nhất {n} ký tự). Cụm mật khẩu được hỏi một lần mỗi lần đăng nhập; không có nó thì không đọc được dữ liệu trong {folder}.</translation>
    </message>
    <message>
        <source>Type the passphrase of the survey data in {folder}.</source>
        <translation>Nhập cụm mật khẩu của dữ liệu khảo sát trong {folder}.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Cụm mật khẩu:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Nhập lại:</translation>
    </message>
    <message>
        <source>A passphrase needs at least {n} characters.</source>
        <translation>Cụm mật khẩu cần ít nhất {n} ký tự.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Hai cụm mật khẩu không giống nhau.</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>Hãy nhập cụm mật khẩu.</translation>
    </message>
</context>
</TS>
