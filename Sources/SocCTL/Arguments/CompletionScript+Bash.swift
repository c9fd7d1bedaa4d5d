extension CompletionScript {
    /// A bash script defining the completion function and registering it with `complete -F`.
    package static func bash(root: CommandSpec) -> String {
        let function = functionName(root.name)
        let nodes = nodes(root: root)
        var script = """
            # bash completion for \(root.name), generated from its command tree.
            # Load it with: source <(\(root.name) completions bash)

            # Sets the commands, options and value-taking options of the command path "$1".
            \(function)_spec() {
                \(function)_commands=''
                \(function)_options=''
                \(function)_value_options=''
                case "$1" in

            """
        for node in nodes {
            var commands = node.subcommands.map(\.name)
            if node.command.acceptsHelpCommand { commands.append("help") }
            let options = node.options.flatMap(spellings(of:))
            let valueOptions = node.options.filter(\.takesValue).flatMap(spellings(of:))
            script += """
                        \(quote(node.path)))
                            \(function)_commands=\(quote(commands.joined(separator: " ")))
                            \(function)_options=\(quote(options.joined(separator: " ")))
                            \(function)_value_options=\(quote(valueOptions.joined(separator: " ")))
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
                script += "        \(patterns.joined(separator: "|"))) \(bashReply(option.completion)) ;;\n"
            }
            for option in node.globalOptions where option.takesValue {
                let patterns = spellings(of: option).flatMap {
                    [quote(node.path + "|" + $0), quote(node.path + " ") + "*" + quote("|" + $0)]
                }
                script += "        \(patterns.joined(separator: "|"))) \(bashReply(option.completion)) ;;\n"
            }
        }
        script += """
                esac
            }

            # Completes positional argument number "$2" (from 0) of the command path "$1".
            \(function)_arguments() {
                case "$1|$2" in

            """
        for node in nodes {
            for (index, argument) in node.command.arguments.enumerated() {
                let key = quote("\(node.path)|") + (argument.arity.isVariadic ? "*" : quote("\(index)"))
                script += "        \(key)) \(bashReply(argument.completion)) ;;\n"
            }
        }
        script += """
                esac
            }

            \(function)() {
                local cur="${COMP_WORDS[COMP_CWORD]}" path=\(quote(root.name)) word option='' i
                local skip=0 positional=0 ended=0
                local \(function)_commands \(function)_options \(function)_value_options
                \(function)_spec "$path"
                for ((i = 1; i < COMP_CWORD; i++)); do
                    word="${COMP_WORDS[i]}"
                    if ((skip)); then
                        # bash splits --name=value at '=', which leaves the value still to come.
                        [[ $word == = ]] || skip=0
                        continue
                    fi
                    if ((!ended)) && [[ $word == -- ]]; then
                        ended=1
                    elif ((!ended)) && [[ $word == -?* ]]; then
                        if [[ " $\(function)_value_options " == *" $word "* ]]; then
                            skip=1
                            option="$word"
                        fi
                    elif ((positional == 0)) && [[ $word != help && " $\(function)_commands " == *" $word "* ]]; then
                        path="$path $word"
                        \(function)_spec "$path"
                    elif [[ $word != help ]]; then
                        ((positional++))
                    fi
                done
                COMPREPLY=()
                [[ $cur == = ]] && cur=''
                if ((skip)); then
                    \(function)_values "$path" "$option"
                elif ((!ended)) && [[ $cur == -* ]]; then
                    COMPREPLY=($(compgen -W "$\(function)_options" -- "$cur"))
                elif ((positional == 0)) && [[ -n $\(function)_commands ]]; then
                    COMPREPLY=($(compgen -W "$\(function)_commands" -- "$cur"))
                else
                    \(function)_arguments "$path" "$positional"
                fi
                return 0
            }

            complete -F \(function) \(root.name)

            """
        return script
    }

    private static func bashReply(_ completion: ValueCompletion) -> String {
        switch completion {
        case .none: "COMPREPLY=()"
        case .files: "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))"
        case .directories: "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$cur\"))"
        case .words(let words): "COMPREPLY=($(compgen -W \(quote(words.joined(separator: " "))) -- \"$cur\"))"
        }
    }
}
