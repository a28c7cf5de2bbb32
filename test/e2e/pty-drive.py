# Drives `precrm survey respond` through a real pseudo-terminal: waits for each prompt, types the answer.
# usage: pty-drive.py <expect-text> <keys> [<expect-text> <keys>]… -- <command…>; prints the screen, exits with the child's code.
# Keys are typed once the prompt shows and the program waits for them (pty_wait.py: not while echo may still be on).
import os, pty, signal, sys
from pty_wait import foreground_waits_for_input, until

sep = sys.argv.index('--')
steps, cmd = sys.argv[1:sep], sys.argv[sep + 1:]
signal.alarm(120)  # never hang a test run
pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
screen = bytearray()


def pump(text=None, since=0):
    """Reads the terminal until `text` shows after `since` (None: until the program ends); a deadline ends a hung one."""
    return until(lambda: text is not None and text in screen[since:], fd, 60, screen)


seen = 0
for i in range(0, len(steps), 2):
    if not pump(steps[i].encode(), since=seen):
        sys.stdout.write(screen.decode(errors='replace'))
        sys.exit(f'never saw prompt {steps[i]!r}')
    # The next prompt is looked for only in what the terminal shows after this answer.
    seen = len(screen)
    until(lambda: foreground_waits_for_input(fd), fd, 60, screen)
    os.write(fd, steps[i + 1].encode().decode('unicode_escape').encode())
pump()
_, status = os.waitpid(pid, 0)
sys.stdout.write(screen.decode(errors='replace'))
sys.exit(os.waitstatus_to_exitcode(status))
