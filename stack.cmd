@echo off
rem stack.cmd: run the whole orderflow system on this machine (Windows). See docs/local-stack.md.
rem Builds the launcher's jar if it is missing, then runs it: stack.cmd up, stack.cmd status, stack.cmd down ...
setlocal
set "ROOT=%~dp0"
set "JAR=%ROOT%tools\local-stack\target\local-stack-exec.jar"
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
if not exist "%JAR%" (
    echo building the launcher ^(tools/local-stack^) ...
    call "%ROOT%mvnw.cmd" -q -B -DskipTests -f "%ROOT%tools\local-stack\pom.xml" package || exit /b 1
)
"%JAVA%" -jar "%JAR%" --project-dir "%ROOT:~0,-1%" %*
