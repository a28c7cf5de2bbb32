"""Runs a command in a pseudo-terminal of a given size: sized_terminal.py COLS ROWS CMD ARGS...

stdin, stdout and stderr are the terminal (as for a person typing the command). Prints a JSON object
{code, screen}: the exit code and everything the terminal showed, with CR LF turned into LF.
"""
import fcntl, json, os, pty, select, struct, subprocess, sys, termios, time

cols, rows, cmd = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
child = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
os.close(slave)
screen, deadline = b'', time.time() + 30
while time.time() < deadline:
    ready, _, _ = select.select([master], [], [], 0.1)
    if ready:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    elif child.poll() is not None:
        break
if child.poll() is None:
    child.kill()
code = child.wait()
print(json.dumps({'code': code, 'screen': screen.decode('utf8', 'replace').replace('\r\n', '\n')}))
