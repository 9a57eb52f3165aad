"""The README and the program cannot drift apart: every command line of the README is in
`--help`, and every one of them (each option, each value) was run by some test of this suite."""
import re

from cli_tests import SUMMARY
from harness import RUNS, documented_lines, gongkai, make_site, readme, test


def help_of(command, folder):
    status, out, err = gongkai([command, "--help"] if command else ["--help"], folder)
    assert status == 0, err
    return out


def options_taking_values(command, folder):
    usage = help_of(command, folder).split("USAGE:", 1)[1].split("\n\n", 1)[0]
    return set(re.findall(r"(--[\w-]+) <", usage))


@test
def help_lists_every_documented_command_and_option(folder):
    documented = documented_lines()
    listed = help_of(None, folder).split("SUBCOMMANDS:", 1)[1].split("\n\n", 1)[0]
    commands = set(re.findall(r"^  (\w+) ", listed, re.M))
    assert commands == {command for _, command, _, _ in documented}, commands
    for line, command, options, _ in documented:
        text = help_of(command, folder)
        for option, values in options:
            assert option in text, "%s: %s not in `gongkai %s --help`" % (line, option, command)
            for value in values:
                assert re.search(r"\b%s\b" % re.escape(value), text), "%s: value %s not in --help" % (line, value)


def runs_of(command, takes_value):
    """Each run of `command` as (options given with their values, positional arguments)."""
    for args in RUNS:
        if not args or args[0] != command or "--help" in args:
            continue
        given, positional, rest = [], [], args[1:]
        while rest:
            word = rest.pop(0)
            if word.startswith("--"):
                given.append((word, rest.pop(0) if word in takes_value and rest else None))
            else:
                positional.append(word)
        yield given, positional


def readme_example(after):
    """The first `code span` following `after` in the README, its line breaks joined as the reader sees them."""
    text = readme().split(after, 1)[1]
    return re.sub(r"\s*\n\s*", " ", text.split("`", 2)[1])


@test
def the_readme_examples_are_what_the_program_prints(folder):
    make_site(folder)
    status, out, _ = gongkai(["build"], folder)
    assert status == 0
    assert SUMMARY.match(readme_example("Every build prints one line, e.g.")), readme_example("Every build prints one line, e.g.")
    status, out, _ = gongkai(["check"], folder)
    lines = out.splitlines()
    assert readme_example("**check** prints findings as") in lines, readme_example("**check** prints findings as")
    assert lines[-1] == readme_example("the lowest score and whose, e.g."), lines[-1]


@test
def every_documented_command_line_is_exercised(folder):
    """Runs last: fails when a README command line, option or option value was never run."""
    missing = []
    for line, command, options, positional in documented_lines():
        runs = list(runs_of(command, options_taking_values(command, folder)))
        if not runs:
            missing.append("%s: never run" % line)
            continue
        if not options and not positional and not any(not given and not free for given, free in runs):
            missing.append("%s: never run as written" % line)
        for option, values in options:
            used = [value for given, _ in runs for name, value in given if name == option]
            if not used and option not in [name for given, _ in runs for name, _ in given]:
                missing.append("%s: %s never used" % (line, option))
            for value in values:
                if value not in used:
                    missing.append("%s: %s %s never used" % (line, option, value))
        if positional:
            most = max(len(free) for _, free in runs)
            if most == 0 or (positional.endswith("…") and most < 2):
                missing.append("%s: %s never given (several at once)" % (line, positional))
    assert not missing, "\n".join(missing)
