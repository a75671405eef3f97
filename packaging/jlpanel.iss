; Inno Setup script for the Windows installer of jlpanel (Inno Setup 6).
;
; Build on Windows, from the repository root:
;   py -3.11 -m venv .venv && .venv\Scripts\pip install -e ".[bundle]"
;   .venv\Scripts\python packaging\build.py --selftest
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\jlpanel.iss
; The installer is written to build\installer\jlpanel-<version>-setup.exe. See
; packaging/README.md for the whole release check.
;
; It installs per user by default (no administrator rights on an office PC), offers a
; desktop shortcut, registers .jlpanel (cycle workspace) and .jlreview (expert review
; package) to open in jlpanel, and speaks Chinese first, English second.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "jlpanel"
#define AppTitle "吉林省科技资源共享服务平台考核评价"
#define AppExe "jlpanel.exe"

[Setup]
; The AppId identifies the product across versions: never change it.
AppId={{6E0B7C1A-2F4D-4C7B-9E58-3A1D2B9F4C60}
AppName={#AppTitle} ({#AppName})
AppVersion={#AppVersion}
AppVerName={#AppTitle} {#AppVersion}
AppPublisher=jlpanel
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppTitle}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\build\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=icons\jlpanel.ico
UninstallDisplayIcon={app}\{#AppExe}
LicenseFile=..\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The one-folder bundle written by packaging\build.py.
Source: "..\build\dist\jlpanel\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppTitle}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppTitle}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppTitle}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Per-user file associations (HKCU via HKA when installed without administrator rights).
Root: HKA; Subkey: "Software\Classes\.jlpanel"; ValueType: string; ValueName: ""; ValueData: "jlpanel.Workspace"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\jlpanel.Workspace"; ValueType: string; ValueName: ""; ValueData: "考核周期工作区"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\jlpanel.Workspace\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\jlpanel.Workspace\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" open ""%1"""
Root: HKA; Subkey: "Software\Classes\.jlreview"; ValueType: string; ValueName: ""; ValueData: "jlpanel.ReviewPackage"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\jlpanel.ReviewPackage"; ValueType: string; ValueName: ""; ValueData: "专家评审包"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\jlpanel.ReviewPackage\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\jlpanel.ReviewPackage\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" open ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppTitle}}"; Flags: nowait postinstall skipifsilent
