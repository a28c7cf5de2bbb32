// The completion scripts, one per shell. Each passes the words typed so far to `precrm __complete <shell> -- …`
// and shows what it prints: one candidate a line (zsh and fish: `value<TAB>description`), or `__files__` for a
// file name. Errors are thrown away (2>/dev/null), so a broken store can never print into the command line.

const BASH = String.raw`# precrm completion for bash: source <(precrm completion bash)
_precrm_completion() {
  local cur=${'$'}{COMP_WORDS[COMP_CWORD]} out line
  out=$(precrm __complete bash -- "${'$'}{COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
  COMPREPLY=()
  if [[ $out == __files__ ]]; then
    compopt -o default 2>/dev/null
    return 0
  fi
  local IFS=$'\n'
  for line in $out; do
    # Names have spaces: quote them for the command line unless the user has opened a quote already.
    if [[ $cur == [\"\']* ]]; then COMPREPLY+=("$line"); else COMPREPLY+=("$(printf '%q' "$line")"); fi
  done
}
complete -F _precrm_completion precrm
`;

const ZSH = String.raw`#compdef precrm
# precrm completion for zsh: source <(precrm completion zsh)   (after compinit)
_precrm() {
  local -a lines values shown
  local line IFS=$'\n'
  lines=($(precrm __complete zsh -- "${'$'}{(@)words[2,CURRENT]}" 2>/dev/null))
  if [[ ${'$'}{lines[1]} == __files__ ]]; then _files; return; fi
  for line in $lines; do
    values+=("${'$'}{line%%$'\t'*}")
    if [[ $line == *$'\t'* ]]; then shown+=("${'$'}{line%%$'\t'*}  -- ${'$'}{line#*$'\t'}"); else shown+=("$line"); fi
  done
  # precrm has matched already (any case, accents optional): -U keeps zsh from filtering again.
  (( ${'$'}{#values} )) && compadd -U -l -d shown -a values
}
compdef _precrm precrm
`;

const FISH = String.raw`# precrm completion for fish: precrm completion fish > ~/.config/fish/completions/precrm.fish
function __precrm_complete
    set -l words (commandline -opc)[2..-1] (commandline -ct)
    set -l out (precrm __complete fish -- $words 2>/dev/null)
    if test "$out" = __files__
        __fish_complete_path (commandline -ct)
    else
        printf '%s\n' $out
    end
end
complete -c precrm -f -a '(__precrm_complete)'
`;

export function completionScript(shell: 'bash' | 'zsh' | 'fish'): string {
  return shell === 'bash' ? BASH : shell === 'zsh' ? ZSH : FISH;
}
