"""Runs bin/precrm in a real pseudo-terminal, answering prompts: in_terminal.py STORE ANSWERS_JSON ARGS...

Each answer is [expected_prompt_text, keys_to_type]; the keys are sent once the prompt text has appeared and precrm
waits for keys (pty_wait.py).
Prints a JSON object {code, screen} with the exit code (128+signal if killed) and everything the terminal showed.
"""
import json, os, pty, select, signal, subprocess, sys, time
from pty_wait import until, waits_for_input

store, answers, args = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3:]
master, slave = pty.openpty()
env = dict(os.environ, PRECRM_STORE=store, PRECRM_USER='tester', TERM='xterm', NO_COLOR='1')
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
child = subprocess.Popen(['node', os.path.join(root, 'bin', 'precrm'), *args],
                         stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
os.close(slave)
screen, seen_upto, deadline = bytearray(), 0, time.time() + 60
while time.time() < deadline:
    ready, _, _ = select.select([master], [], [], 0.1)
    if ready:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    if answers and answers[0][0].encode() in screen[seen_upto:]:
        seen_upto = screen.index(answers[0][0].encode(), seen_upto) + 1
        until(lambda: waits_for_input(child.pid), master, 20, screen)
        os.write(master, answers.pop(0)[1].encode())
    if child.poll() is not None and not ready:
        break
if child.poll() is None:
    child.kill()
code = child.wait()
print(json.dumps({'code': code if code >= 0 else 128 - code, 'screen': screen.decode('utf8', 'replace'), 'unanswered': len(answers)}))
