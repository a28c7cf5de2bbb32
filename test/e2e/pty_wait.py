"""When a program on a pseudo-terminal is ready for keys, for the drivers (shell-drive.py, pty-drive.py, in_terminal.py).

Text on the screen says what a program printed, not that it then went on to wait for the keyboard: a prompt is
drawn before the terminal is switched to raw mode and echo off, and bash acts on a Ctrl-C at once only if it is
blocked reading the terminal (a SIGINT that arrives while it is still busy is handled at the next key, which it
swallows). On a loaded machine that gap lasts long enough to matter, so keys and signals are sent once the program
sleeps in a read, poll or epoll call (Linux: /proc/PID/stat and /proc/PID/syscall), never after a fixed pause.
"""
import os, platform, select, time

# System call numbers of the calls a program waits for input in, per machine.
_WAITS = {
    'x86_64': {0, 7, 23, 232, 270, 271, 281, 441},  # read poll select epoll_wait pselect6 ppoll epoll_pwait epoll_pwait2
    'aarch64': {22, 63, 72, 73, 441},  # epoll_pwait read pselect6 ppoll epoll_pwait2
}.get(platform.machine())


def foreground_waits_for_input(fd):
    """Whether the program in the foreground of terminal `fd` (its process group's leader) waits for keys."""
    try:
        return waits_for_input(os.tcgetpgrp(fd))
    except OSError:
        return False


def waits_for_input(pid):
    """Whether process `pid` sleeps in a call that waits for input (when the call cannot be read: whether it sleeps)."""
    try:
        with open(f'/proc/{pid}/stat') as f:
            stat = f.read()
    except OSError:
        return False
    if stat[stat.rindex(')') + 2] != 'S':
        return False
    try:
        with open(f'/proc/{pid}/syscall') as f:
            call = f.read().split()[0]
    except (OSError, IndexError):
        return True
    return call.isdigit() and (_WAITS is None or int(call) in _WAITS)


def until(done, fd, seconds, screen):
    """Reads terminal `fd` into `screen` (a bytearray) until done() holds or `seconds` pass; True when it held."""
    end = time.time() + seconds
    while time.time() < end:
        if done():
            return True
        ready, _, _ = select.select([fd], [], [], 0.02)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return done()
            if not chunk:
                return done()
            screen += chunk
    return done()
