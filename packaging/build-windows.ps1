# Build the Windows one-folder bundle (dist\casedesk\casedesk.exe). Run in PowerShell on Windows
# with Python 3.11+ on PATH:   powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python -m venv build\venv
build\venv\Scripts\pip install -q --upgrade pip
build\venv\Scripts\pip install -q . "pyinstaller>=6.6,<7"
Get-ChildItem resources\i18n\*.ts | ForEach-Object { build\venv\Scripts\pyside6-lrelease -silent $_.FullName }
build\venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\casedesk.spec
# Signing (needs the organisation's code-signing certificate, ideally EV, on a token or in Azure
# Key Vault):  signtool sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 /a dist\casedesk\casedesk.exe
# An installer: wrap dist\casedesk with Inno Setup or WiX, sign the installer the same way.
