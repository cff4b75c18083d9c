"""The project a run works in, as the command line, the language server and the archive all see it:

    settings.py      the settings in force: command line, then .dsfact.toml / pyproject.toml, then defaults
    walk.py          the files of the paths named: directory walks, include and exclude globs
    ignorefiles.py   .gitignore, .ignore and .git/info/exclude for the walks

Below the command line and above the engine: it reads configuration files and directories, and never
prints or picks an exit status. Importing the package loads nothing.
"""
