# Drives `precrm survey respond` through a real pseudo-terminal: waits for each prompt, types the answer.
# usage: pty-drive.py <expect-text> <keys> [<expect-text> <keys>]… -- <command…>; prints the screen, exits with the child's code.
import os, pty, select, signal, sys, time

sep = sys.argv.index('--')
steps, cmd = sys.argv[1:sep], sys.argv[sep + 1:]
signal.alarm(20)  # never hang a test run
pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
screen = b''

def pump(until=None, seconds=10.0, since=0):
    global screen
    end = time.time() + seconds
    while time.time() < end:
        if until is not None and until in screen[since:]:
            return True
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                data = os.read(fd, 4096)
            except OSError:
                return False
            if not data:
                return False
            screen += data
    return False

seen = 0
for i in range(0, len(steps), 2):
    if not pump(steps[i].encode(), since=seen):
        sys.stdout.write(screen.decode(errors='replace'))
        sys.exit(f'never saw prompt {steps[i]!r}')
    # The next prompt is looked for only in what the terminal shows after this answer.
    seen = len(screen)
    os.write(fd, steps[i + 1].encode().decode('unicode_escape').encode())
pump(None, 2.0)
_, status = os.waitpid(pid, 0)
sys.stdout.write(screen.decode(errors='replace'))
sys.exit(os.waitstatus_to_exitcode(status))
