extension CompletionScript {
    /// A zsh script for `fpath` (as `_socctl`, it is autoloaded by `#compdef`) or for sourcing
    /// after `compinit` (it then registers itself with `compdef`). Commands and options are
    /// offered with their descriptions.
    package static func zsh(root: CommandSpec) -> String {
        let function = functionName(root.name)
        let nodes = nodes(root: root)
        var script = """
            #compdef \(root.name)
            # zsh completion for \(root.name), generated from its command tree.

            # Sets the commands and options (as name:description) and the value-taking options of
            # the command path "$1".
            \(function)_spec() {
                \(function)_commands=()
                \(function)_options=()
                \(function)_value_options=()
                case "$1" in

            """
        for node in nodes {
            var commands = node.subcommands.map { describe($0.name, $0.abstract) }
            if node.command.acceptsHelpCommand { commands.append(describe("help", "Show help for a command.")) }
            let options = node.options.flatMap { option in spellings(of: option).map { describe($0, option.help) } }
            let valueOptions = node.options.filter(\.takesValue).flatMap(spellings(of:)).map(quote)
            script += """
                        (\(quote(node.path)))
                            \(function)_commands=(\(commands.joined(separator: " ")))
                            \(function)_options=(\(options.joined(separator: " ")))
                            \(function)_value_options=(\(valueOptions.joined(separator: " ")))
                            ;;

                """
        }
        script += """
                esac
            }

            # Completes the value of option "$2" of the command path "$1".
            \(function)_values() {
                case "$1|$2" in

            """
        for node in nodes {
            for option in node.ownOptions where option.takesValue {
                let patterns = spellings(of: option).map { quote(node.path + "|" + $0) }
                script +=
                    "        (\(patterns.joined(separator: "|")))) \(zshReply(option.completion, option.valueName!)) ;;\n"
            }
            for option in node.globalOptions where option.takesValue {
                let patterns = spellings(of: option).flatMap {
                    [quote(node.path + "|" + $0), quote(node.path + " ") + "*" + quote("|" + $0)]
                }
                script +=
                    "        (\(patterns.joined(separator: "|")))) \(zshReply(option.completion, option.valueName!)) ;;\n"
            }
        }
        script += """
                    (*) _message 'value' ;;
                esac
            }

            # Completes positional argument number "$2" (from 0) of the command path "$1".
            \(function)_arguments() {
                case "$1|$2" in

            """
        for node in nodes {
            for (index, argument) in node.command.arguments.enumerated() {
                let key = quote("\(node.path)|") + (argument.arity.isVariadic ? "*" : quote("\(index)"))
                script += "        (\(key)) \(zshReply(argument.completion, argument.name)) ;;\n"
            }
        }
        script += """
                    (*) _message 'no more arguments' ;;
                esac
            }

            \(function)() {
                local path=\(quote(root.name)) word option='' i
                local -i skip=0 positional=0 ended=0
                local -a \(function)_commands \(function)_options \(function)_value_options
                \(function)_spec "$path"
                for (( i = 2; i < CURRENT; i++ )); do
                    word=${words[i]}
                    if (( skip )); then
                        skip=0
                    elif (( ! ended )) && [[ $word == -- ]]; then
                        ended=1
                    elif (( ! ended )) && [[ $word == -?* ]]; then
                        if (( ${\(function)_value_options[(Ie)$word]} )); then
                            skip=1
                            option=$word
                        fi
                    elif (( positional == 0 )) && [[ $word != help ]] && (( ${${(@)\(function)_commands%%:*}[(Ie)$word]} )); then
                        path="$path $word"
                        \(function)_spec "$path"
                    elif [[ $word != help ]]; then
                        (( positional++ ))
                    fi
                done
                if (( skip )); then
                    \(function)_values "$path" "$option"
                elif (( ! ended )) && [[ $PREFIX == --*=* ]]; then
                    option=${PREFIX%%=*}
                    compset -P '*='
                    \(function)_values "$path" "$option"
                elif (( ! ended )) && [[ $PREFIX == -* ]]; then
                    _describe -t options 'option' \(function)_options
                elif (( positional == 0 && ${#\(function)_commands} )); then
                    _describe -t commands 'command' \(function)_commands
                else
                    \(function)_arguments "$path" "$positional"
                fi
            }

            if [[ ${funcstack[1]} == \(function) ]]; then
                \(function) "$@"
            else
                compdef \(function) \(root.name)
            fi

            """
        return script
    }

    /// One `name:description` item for `_describe`, which splits at the first unescaped colon.
    private static func describe(_ name: String, _ description: String) -> String {
        quote(name.replacing(":", with: "\\:") + ":" + description)
    }

    private static func zshReply(_ completion: ValueCompletion, _ placeholder: String) -> String {
        switch completion {
        case .none: "_message \(quote(placeholder))"
        case .files: "_files"
        case .directories: "_files -/"
        case .words(let words): "compadd -- \(words.map(quote).joined(separator: " "))"
        }
    }
}
