"""Types into a real interactive shell on a pseudo-terminal: shell-drive.py STATE WORK -- SHELL_ARGV...

The shell runs in WORK (empty) and its rc defines `precrm` (writes its arguments, NUL-separated, to STATE/args; only
`precrm __complete` runs precrm) and `sentinel N` (creates STATE/sentinel-N); its prompt is `READY> `, its
continuation prompt `<more>`. Reads the cases as a JSON list of key strings on stdin. For each: types the keys (a
command line, TAB, Enter); waits until the command has run (STATE/args) or the shell asks for more (`<more>`: then,
once the shell sleeps reading the terminal, Ctrl-C, and the new prompt); runs `sentinel N` and waits for it, so
whatever the line started has ended. Prints a JSON list, one {"args": [...] or null, "created": [files in WORK],
"timedOut": bool} per case, then the screen's tail on failure. Every wait is for a condition; its deadline only ends
a hung session.
"""
import json, os, pty, shutil, signal, sys
from pty_wait import foreground_waits_for_input, until

state, work = sys.argv[1], sys.argv[2]
cmd = sys.argv[sys.argv.index('--') + 1:]
cases = json.load(sys.stdin)
signal.alarm(120 + 60 * len(cases))  # never hang a test run
pid, fd = pty.fork()
if pid == 0:
    os.chdir(work)
    os.execvp(cmd[0], cmd)
screen = bytearray()


def pump(done, seconds=60.0):
    """Reads the terminal until done() holds or the deadline (generous: it only ends a hung session) passes."""
    return until(done, fd, seconds, screen)


def ready_for_keys():
    """Waits until the shell sleeps reading the terminal (pty_wait.py says why a signal key must wait for it)."""
    return pump(lambda: foreground_waits_for_input(fd))


def path(name):
    return os.path.join(state, name)


results = []
timed_out = not pump(lambda: b'READY> ' in screen)
for n, keys in enumerate(cases):
    since = len(screen)
    os.write(fd, keys.encode())
    ran = pump(lambda: os.path.exists(path('args')) or b'<more>' in screen[since:])
    if ran and not os.path.exists(path('args')):
        # Ctrl-C also flushes what was typed after it: the next line waits for the new prompt.
        since = len(screen)
        ready_for_keys()
        os.write(fd, b'\x03')
        ran = pump(lambda: b'READY> ' in screen[since:])
    since = len(screen)
    os.write(fd, f'sentinel {n}\r'.encode())
    ended = pump(lambda: os.path.exists(path(f'sentinel-{n}')) and b'READY> ' in screen[since:])
    args = None
    if os.path.exists(path('args')):
        with open(path('args'), 'rb') as f:
            args = f.read().decode('utf8', 'replace').split('\0')[:-1]
        os.remove(path('args'))
    created = sorted(os.listdir(work))
    for name in created:
        target = os.path.join(work, name)
        shutil.rmtree(target) if os.path.isdir(target) and not os.path.islink(target) else os.remove(target)
    results.append({'keys': keys, 'args': args, 'created': created, 'timedOut': not (ran and ended)})
    timed_out = timed_out or not (ran and ended)
os.kill(pid, signal.SIGKILL)
os.waitpid(pid, 0)
print(json.dumps({'results': results, 'screen': screen[-3000:].decode('utf8', 'replace') if timed_out else ''}))
