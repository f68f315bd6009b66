; Inno Setup 6 script for the Windows installer of the Huế connectivity survey app.
; Saved as UTF-8 with a byte-order mark: Inno Setup reads a file without one as ANSI (Vietnamese would break).
;
; On Windows, from the repository root:
;   python build_installer.py bundle          (makes dist\survey-app\ with survey-app.exe and survey-app-cli.exe)
;   iscc /DAppVersion=0.1.0 installer\survey-app.iss
; The installer is written to dist\survey-app-<version>-windows-setup.exe. It installs per machine (admin) or,
; if the user chooses, for the current user only; surveys live in the user's data folder
; (%LOCALAPPDATA%\survey-app), never under Program Files, so uninstalling or upgrading never touches them.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Huế connectivity survey"
#define AppExe "survey-app.exe"
#define SourceDir "..\dist\survey-app"

[Setup]
AppId={{6C2B5E1A-3F4D-4B8E-9A57-2D7C1E0F9B34}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Huế City survey team
DefaultDirName={autopf}\survey-app
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=survey-app-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
; The app must not be running while its files are replaced.
CloseApplications=yes

; Vietnamese wizard texts when the Inno Setup installation has them (an unofficial translation); else English.
#if FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
  #define ViMessages "compiler:Languages\Vietnamese.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\Vietnamese.isl")
  #define ViMessages "compiler:Languages\Unofficial\Vietnamese.isl"
#endif

[Languages]
#ifdef ViMessages
Name: "vi"; MessagesFile: "{#ViMessages}"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
#ifdef ViMessages
vi.DesktopIcon=Tạo biểu tượng trên màn hình
vi.DemoShortcut=Khảo sát (chế độ thử)
vi.StartNow=Mở ứng dụng khảo sát
#endif
en.DesktopIcon=Create a desktop icon
en.DemoShortcut=Survey (demo mode)
en.StartNow=Start the survey app

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
; The whole one-folder build: both executables and _internal\ (Python, Qt, the app).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled libraries completely (stale modules must not linger).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:DemoShortcut}"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:StartNow}"; Flags: nowait postinstall skipifsilent
