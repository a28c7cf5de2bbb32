// The completion scripts, one per shell. None evaluates what precrm prints, splits it on blanks or expands globs in
// it: bash takes precrm's replies, already quoted for readline, one a line; zsh's compadd and fish quote the stored
// values they read (NUL-terminated) themselves. `__files__` means a file name: the shell's own file completion.
// Errors are thrown away (2>/dev/null), so a broken store can never print into the command line.

const BASH = String.raw`# precrm completion for bash: source <(precrm completion bash)
_precrm_completion() {
  local out
  # The line up to the cursor and the text readline replaces ($2): precrm reads the quoting, never bash's eval.
  out=$(precrm __complete bash -- "${'$'}{COMP_LINE:0:COMP_POINT}" "$2" 2>/dev/null) || return 0
  COMPREPLY=()
  if [[ $out == __files__ ]]; then
    compopt -o default 2>/dev/null
    return 0
  fi
  [[ -n $out ]] && mapfile -t COMPREPLY <<<"$out"
  return 0
}
complete -F _precrm_completion precrm
`;

const ZSH = String.raw`#compdef precrm
# precrm completion for zsh: source <(precrm completion zsh)   (after compinit)
_precrm() {
  local out value display
  local -a reply values shown
  # The words unquoted by (Q), never evaluated; precrm answers value NUL display NUL for each candidate.
  out=$(precrm __complete zsh -- "${'$'}{(@Q)words[2,CURRENT-1]}" "${'$'}{(Q)PREFIX}" 2>/dev/null) || return 1
  [[ -n $out ]] || return 1
  reply=("${'$'}{(@0)${'$'}{out%$'\0'}}")
  if [[ ${'$'}{reply[1]} == __files__ ]]; then _files; return; fi
  for value display in "${'$'}{reply[@]}"; do
    values+=("$value")
    shown+=("$display")
  done
  # compadd quotes each value for the command line (no -Q); -U: precrm has matched already (any case, accents optional).
  compadd -U -l -d shown -a values
}
compdef _precrm precrm
`;

const FISH = String.raw`# precrm completion for fish: precrm completion fish > ~/.config/fish/completions/precrm.fish
function __precrm_complete
    # The token under the cursor unquoted (string unescape), never evaluated; fish quotes what it inserts.
    set -l words (commandline -opc)[2..-1] (commandline -ct | string unescape | string collect -a)
    set -l out (precrm __complete fish -- $words 2>/dev/null | string split0)
    if test "$out[1]" = __files__
        __fish_complete_path (commandline -ct) | string join0
    else if set -q out[1]
        printf '%s\0' $out
    end
end
complete -c precrm -f -a '(__precrm_complete | string split0)'
`;

export function completionScript(shell: 'bash' | 'zsh' | 'fish'): string {
  return shell === 'bash' ? BASH : shell === 'zsh' ? ZSH : FISH;
}
