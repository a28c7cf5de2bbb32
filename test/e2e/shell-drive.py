"""Types into a real interactive shell on a pseudo-terminal: shell-drive.py STATE WORK -- SHELL_ARGV...

The shell runs in WORK (empty) and its rc defines `precrm` (writes its arguments, NUL-separated, to STATE/args; only
`precrm __complete` runs precrm) and `sentinel N` (creates STATE/sentinel-N); its prompt is `READY> `, its
continuation prompt `<more>`. Reads the cases as a JSON list of key strings on stdin. For each: types the keys (a
command line, TAB, Enter); waits until the command has run (STATE/args) or the shell asks for more (`<more>`: then
Ctrl-C, and the new prompt); runs `sentinel N` and waits for it, so whatever the line started has ended. Prints a JSON list, one
{"args": [...] or null, "created": [files in WORK], "timedOut": bool} per case, then the screen's tail on failure.
"""
import json, os, pty, select, shutil, signal, sys, time

state, work = sys.argv[1], sys.argv[2]
cmd = sys.argv[sys.argv.index('--') + 1:]
cases = json.load(sys.stdin)
signal.alarm(40 + 20 * len(cases))  # never hang a test run
pid, fd = pty.fork()
if pid == 0:
    os.chdir(work)
    os.execvp(cmd[0], cmd)
screen = b''


def pump(done, seconds=20.0):
    """Reads the terminal until done(since) holds or the deadline passes; True when it held."""
    global screen
    end = time.time() + seconds
    while time.time() < end:
        if done():
            return True
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                screen += os.read(fd, 65536)
            except OSError:
                return done()
    return done()


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
