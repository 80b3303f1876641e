@echo off
rem Install inspect-tui from this kit, offline.  install.bat [--check] [--prefix DIR]
rem Finds a Python 3.11+ (the py launcher first; set PYTHON=C:\path\python.exe to pick one),
rem then hands over to install.py, which checks the kit, installs it and makes the shortcuts.
setlocal
for /f "tokens=2 delims=:." %%c in ('chcp') do set "OLDCP=%%c"
chcp 65001 >nul
set "CODE=0"
set "KIT=%~dp0"
set "PYEXE="
if defined PYTHON (
    "%PYTHON%" -c "import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)" >nul 2>nul && set "PYEXE=%PYTHON%"
    if not defined PYEXE (
        echo PYTHON=%PYTHON% 不能使用（需要 Python 3.11 或更新版本） / PYTHON=%PYTHON% cannot be used: it must be Python 3.11 or newer 1>&2
        set "CODE=2"
        goto :end
    )
)
set "VERSIONS=3.11"
if exist "%KIT%pythons.txt" for /f "usebackq delims=" %%l in ("%KIT%pythons.txt") do set "VERSIONS=%%l"
for %%v in (%VERSIONS%) do (
    if not defined PYEXE (
        py -%%v -c "import sys" >nul 2>nul && for /f "delims=" %%p in ('py -%%v -c "import sys; print(sys.executable)"') do set "PYEXE=%%p"
    )
)
if not defined PYEXE (
    python -c "import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)" >nul 2>nul && for /f "delims=" %%p in ('python -c "import sys; print(sys.executable)"') do set "PYEXE=%%p"
)
if not defined PYEXE (
    echo 未找到 Python 3.11 或更新版本：请先从 python.org 安装 Python %VERSIONS% 之一（Windows 7 不能运行，需 Windows 10 或更新），再运行 install.bat / no Python 3.11 or newer found: install one of Python %VERSIONS% from python.org ^(it needs Windows 10 or newer^), then run install.bat again 1>&2
    set "CODE=2"
    goto :end
)
"%PYEXE%" "%KIT%install.py" %*
set "CODE=%ERRORLEVEL%"
:end
if defined OLDCP chcp %OLDCP% >nul
rem double-clicked (cmd /c), the window would close before anyone read the result
echo %CMDCMDLINE% | findstr /i /c:" /c " >nul && pause
exit /b %CODE%
