"""Runs a GitHub Actions workflow's `run:` steps on this machine, as a runner would.

What it models: the workflow file GitHub picks for each event (the target branch's, the default
branch's, the pull request's own), `${{ }}` expressions over the event payload and the step
outputs, job and step `if:`, env at every level, $GITHUB_OUTPUT / $GITHUB_ENV / $GITHUB_PATH /
$GITHUB_STEP_SUMMARY, and the token's permissions (from `permissions:`, read-only for a fork's
pull_request events), which the fake `gh` enforces. What it replaces: `actions/checkout` (a clone
of the "GitHub" repository at the commit the event checks out), folio's action (the folio that
cargo built, put on PATH), setup-chrome (its output names this machine's Chromium), and every
other action (recorded, not run).
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent.parent
FOLIO_ACTION = re.compile(r"^[\w.-]+/folio@")

# Which token a job gets: the permissions GitHub gives when a workflow says none.
READ_SCOPES = ("contents", "pull-requests", "statuses", "issues", "actions", "checks")


class Expression:
    """GitHub's expression language, the part workflows use: contexts, literals, `!`, `==`,
    `!=`, `&&`, `||`, parentheses and the status functions."""

    TOKEN = re.compile(
        r"\s*(?:(?P<string>'(?:[^']|'')*')|(?P<number>\d+(?:\.\d+)?)"
        r"|(?P<op>==|!=|&&|\|\||<=|>=|[!()<>,.\[\]*])|(?P<name>[A-Za-z_][\w-]*))"
    )

    def __init__(self, text, context):
        self.tokens = []
        position = 0
        text = text.strip()
        while position < len(text):
            match = self.TOKEN.match(text, position)
            if not match:
                raise ValueError(f"cannot read expression {text!r} at {position}")
            kind = match.lastgroup
            self.tokens.append((kind, match.group(kind)))
            position = match.end()
        self.at = 0
        self.context = context

    def peek(self):
        return self.tokens[self.at] if self.at < len(self.tokens) else (None, None)

    def take(self, value=None):
        token = self.peek()
        if value is not None and token[1] != value:
            raise ValueError(f"expected {value!r}, found {token[1]!r}")
        self.at += 1
        return token

    def value(self):
        result = self.disjunction()
        if self.at != len(self.tokens):
            raise ValueError(f"unexpected {self.peek()[1]!r}")
        return result

    def disjunction(self):
        left = self.conjunction()
        while self.peek()[1] == "||":
            self.take()
            right = self.conjunction()
            left = left if truthy(left) else right
        return left

    def conjunction(self):
        left = self.comparison()
        while self.peek()[1] == "&&":
            self.take()
            right = self.comparison()
            left = right if truthy(left) else left
        return left

    def comparison(self):
        left = self.unary()
        while self.peek()[1] in ("==", "!=", "<", ">", "<=", ">="):
            op = self.take()[1]
            right = self.unary()
            if op in ("==", "!="):
                same = loose(left) == loose(right)
                left = same if op == "==" else not same
            else:
                left = {"<": left < right, ">": left > right, "<=": left <= right,
                        ">=": left >= right}[op]
        return left

    def unary(self):
        if self.peek()[1] == "!":
            self.take()
            return not truthy(self.unary())
        return self.primary()

    def primary(self):
        kind, text = self.take()
        if text == "(":
            inner = self.disjunction()
            self.take(")")
            return inner
        if kind == "string":
            return text[1:-1].replace("''", "'")
        if kind == "number":
            return float(text) if "." in text else int(text)
        if text in ("true", "false"):
            return text == "true"
        if text == "null":
            return None
        if self.peek()[1] == "(":
            self.take("(")
            args = []
            while self.peek()[1] != ")":
                args.append(self.disjunction())
                if self.peek()[1] == ",":
                    self.take()
            self.take(")")
            return self.call(text, args)
        current = self.context.get(text)
        while self.peek()[1] in (".", "["):
            if self.take()[1] == ".":
                key = self.take()[1]
            else:
                key = self.disjunction()
                self.take("]")
            current = current.get(key) if isinstance(current, dict) else None
        return current

    def call(self, name, args):
        status = self.context["__status__"]
        if name == "success":
            return status == "success"
        if name == "failure":
            return status == "failure"
        if name == "always":
            return True
        if name == "cancelled":
            return False
        if name == "format":
            text = args[0]
            for index, arg in enumerate(args[1:]):
                text = text.replace("{" + str(index) + "}", render(arg))
            return text
        if name == "contains":
            haystack, needle = args
            if isinstance(haystack, list):
                return any(loose(item) == loose(needle) for item in haystack)
            return render(needle).lower() in render(haystack).lower()
        if name == "startsWith":
            return render(args[0]).lower().startswith(render(args[1]).lower())
        if name == "toJSON":
            return json.dumps(args[0], indent=2)
        if name == "fromJSON":
            return json.loads(args[0])
        raise ValueError(f"the harness does not know the function {name}()")


def truthy(value):
    return value not in (None, False, 0, "") and value == value


def loose(value):
    """Equality as GitHub compares: strings without regard to case."""
    return value.lower() if isinstance(value, str) else value


def render(value):
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return str(value)


def evaluate(text, context):
    return Expression(text, context).value()


def interpolate(text, context):
    """A string with `${{ … }}` inside: each expression rendered in place."""
    if not isinstance(text, str):
        return render(text)
    return re.sub(r"\$\{\{(.*?)\}\}", lambda match: render(evaluate(match.group(1), context)),
                  text)


def condition(text, context):
    if text is None:
        return context["__status__"] == "success"
    if isinstance(text, bool):
        return text
    text = text.strip()
    if text.startswith("${{") and text.endswith("}}"):
        text = text[3:-2]
    return truthy(evaluate(text, context))


def read_commands_file(path):
    """`name=value` lines and `name<<DELIMITER` blocks, as $GITHUB_OUTPUT and $GITHUB_ENV hold."""
    values = {}
    lines = Path(path).read_text().splitlines() if Path(path).exists() else []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            block = []
            i += 1
            while lines[i] != delimiter:
                block.append(lines[i])
                i += 1
            values[name] = "\n".join(block)
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
        i += 1
    return values


def git(*args, cwd, capture=True):
    done = subprocess.run(["git", *args], cwd=cwd, text=True, capture_output=capture)
    if done.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed: {done.stderr}")
    return done.stdout.strip() if capture else ""


class Run:
    """One workflow run: its jobs' results, the steps that ran, and the job summaries."""

    def __init__(self):
        self.jobs = {}
        self.steps = []
        self.summary = ""
        self.skipped_actions = []
        self.workspaces = {}

    def step(self, name):
        matches = [step for step in self.steps if step["name"] == name]
        if not matches:
            raise KeyError(f"no step {name!r} ran: {[step['name'] for step in self.steps]}")
        return matches[-1]


class GitHub:
    """The GitHub side: a repository (a bare git repository standing in for github.com), its
    REST state served by the fake gh, and the runner that runs workflows against both."""

    def __init__(self, root, repository="studio/portfolio", folio=None):
        self.root = Path(root)
        self.repository = repository
        self.origin = self.root / "github.git"
        git("init", "--quiet", "--bare", "--initial-branch=main", str(self.origin), cwd=self.root)
        self.bin = self.root / "bin"
        self.bin.mkdir()
        gh = self.bin / "gh"
        gh.write_text(f'#!/bin/sh\nexec python3 "{HERE / "fake_gh.py"}" "$@"\n')
        gh.chmod(0o755)
        folio = Path(folio or os.environ.get("FOLIO_BIN") or REPOSITORY / "target/debug/folio")
        if not folio.is_file():
            raise RuntimeError(f"no folio binary at {folio}: build it with cargo first")
        self.folio_dir = self.root / "folio-bin"
        self.folio_dir.mkdir()
        shutil.copy(folio, self.folio_dir / "folio")
        self.state_path = self.root / "github-state.json"
        self.log_path = self.root / "gh-calls.jsonl"
        self.log_path.write_text("")
        self.runs = 0
        self.save({
            "repository": repository,
            "pulls": {},
            "reviews": {},
            "comments": {},
            "statuses": {},
            "commit_pulls": {},
            "tokens": {},
            "next_id": 1000,
            "latest_release": None,
            "edited_foreign": [],
        })

    # The REST state.
    def state(self):
        return json.loads(self.state_path.read_text())

    def save(self, state):
        self.state_path.write_text(json.dumps(state, indent=1))

    def calls(self):
        return [json.loads(line) for line in self.log_path.read_text().splitlines()]

    def show(self, revision, path):
        return git("show", f"{revision}:{path}", cwd=self.origin)

    def rev(self, revision):
        return git("rev-parse", revision, cwd=self.origin)

    # Running.
    def token(self, permissions, read_only):
        """A GITHUB_TOKEN with these `permissions:`; GitHub makes it read-only for a fork's
        pull_request events, whatever the workflow asks."""
        if permissions is None:
            scopes = {scope: "write" for scope in READ_SCOPES}
        elif permissions in ("read-all", "write-all"):
            scopes = {scope: permissions.split("-")[0] for scope in READ_SCOPES}
        else:
            scopes = dict(permissions)
            scopes.setdefault("metadata", "read")
        if read_only:
            scopes = {scope: ("read" if level == "write" else level)
                      for scope, level in scopes.items()}
        self.runs += 1
        text = f"ghs_token{self.runs}"
        state = self.state()
        state["tokens"][text] = scopes
        self.save(state)
        return text

    def run(self, workflow_text, event_name, payload, checkout, read_only=False):
        """Runs every job of a workflow for one event. `checkout` is the commit
        actions/checkout checks out (GITHUB_SHA)."""
        workflow = yaml.safe_load(workflow_text)
        on = workflow.get(True) or workflow.get("on")
        triggers = [on] if isinstance(on, str) else list(on)
        result = Run()
        if event_name not in triggers:
            return result
        event_path = self.root / f"event-{self.runs}.json"
        event_path.write_text(json.dumps(payload))
        ref = payload.get("ref") or "refs/heads/main"
        github = {
            "event_name": event_name,
            "event": payload,
            "repository": self.repository,
            "repository_owner": self.repository.split("/")[0],
            "sha": checkout,
            "ref": ref,
            "ref_name": ref.removeprefix("refs/heads/"),
            "server_url": "https://github.com",
            "run_id": "9000000001",
            "workspace": "",
            "action_path": "",
        }
        done = {}
        pending = dict(workflow["jobs"])
        while pending:
            for name, job in list(pending.items()):
                needs = job.get("needs", [])
                needs = [needs] if isinstance(needs, str) else needs
                if any(need not in done for need in needs):
                    continue
                del pending[name]
                context = {
                    "github": github,
                    "env": {},
                    "needs": {need: done[need] for need in needs},
                    "runner": {"os": "Linux", "arch": "X64"},
                    "__status__": "success" if all(done[need]["result"] == "success"
                                                   for need in needs) else "failure",
                }
                if not condition(job.get("if"), context):
                    done[name] = {"result": "skipped", "outputs": {}}
                    result.jobs[name] = done[name]
                    continue
                permissions = job.get("permissions", workflow.get("permissions"))
                token = self.token(permissions, read_only)
                done[name] = self.run_job(name, job, workflow, context, token, event_path,
                                          checkout, result)
                result.jobs[name] = done[name]
        return result

    def run_job(self, name, job, workflow, context, token, event_path, checkout, result):
        temp = Path(tempfile.mkdtemp(prefix=f"runner-{name}-", dir=self.root))
        workspace = temp / "workspace"
        workspace.mkdir()
        runner_temp = temp / "tmp"
        runner_temp.mkdir()
        result.workspaces[name] = workspace
        github = dict(context["github"], token=token, workspace=str(workspace))
        context = dict(context, github=github, secrets={"GITHUB_TOKEN": token},
                       runner=dict(context["runner"], temp=str(runner_temp)), steps={})
        env = {}
        for level in (workflow.get("env", {}), job.get("env", {})):
            for key, value in level.items():
                env[key] = interpolate(value, dict(context, env=env))
        path = [str(self.bin), "/usr/local/bin", "/usr/bin", "/bin"]
        status = "success"
        summary_path = temp / "summary.md"
        summary_path.write_text("")
        for index, step in enumerate(job.get("steps", [])):
            context = dict(context, env=env, __status__=status)
            step_name = step.get("name") or step.get("uses") or f"step {index}"
            record = {"name": step_name, "job": name, "ran": False, "outcome": "skipped",
                      "outputs": {}}
            result.steps.append(record)
            if not condition(step.get("if"), context):
                continue
            record["ran"] = True
            step_env = dict(env)
            for key, value in (step.get("env") or {}).items():
                step_env[key] = interpolate(value, dict(context, env=step_env))
            outcome, outputs = "success", {}
            uses = step.get("uses")
            if uses and uses.startswith("actions/checkout@"):
                record["with"] = step.get("with", {})
                git("clone", "--quiet", "--no-checkout", str(self.origin), ".", cwd=workspace)
                git("checkout", "--quiet", "--detach", checkout, cwd=workspace)
            elif uses and FOLIO_ACTION.match(uses):
                # The install step: the folio cargo built instead of a release download.
                path.insert(0, str(self.folio_dir))
            elif uses:
                result.skipped_actions.append(uses)
                if uses.startswith("browser-actions/setup-chrome@"):
                    # The runner's Chrome: this machine's Chromium, when it has one.
                    found = [shutil.which(name) for name in ("chromium", "google-chrome")]
                    outputs = {"chrome-path": next((path for path in found if path), "")}
                if uses.startswith("actions/deploy-pages@"):
                    outputs = {"page_url": "https://studio.github.io/portfolio/"}
                if uses.startswith("actions/upload-artifact@"):
                    outputs = {"artifact-url": "https://github.com/studio/portfolio/actions/runs/9000000001/artifacts/1"}
            else:
                outcome, outputs, env_added, path_added = self.run_shell(
                    step, step_env, workspace, runner_temp, summary_path, token, path,
                    event_path, context, record)
                env.update(env_added)
                path[:0] = path_added
            record["outcome"] = outcome
            record["outputs"] = outputs
            context["steps"][step.get("id", f"__{index}")] = {"outputs": outputs,
                                                              "outcome": outcome}
            if outcome == "failure" and not step.get("continue-on-error"):
                status = "failure"
        result.summary += summary_path.read_text()
        outputs = {key: interpolate(value, dict(context, env=env))
                   for key, value in (job.get("outputs") or {}).items()}
        return {"result": status, "outputs": outputs}

    def run_shell(self, step, step_env, workspace, runner_temp, summary_path, token, path,
                  event_path, context, record):
        files = {name: runner_temp / f"{name}-{len(record['name'])}-{os.getpid()}"
                 for name in ("output", "env", "path")}
        for file in files.values():
            file.write_text("")
        script = runner_temp / "step.sh"
        script.write_text(step["run"])
        github = context["github"]
        environment = {
            "HOME": str(runner_temp.parent),
            "PATH": ":".join(path),
            "LANG": "C.UTF-8",
            "CI": "true",
            "GITHUB_ACTIONS": "true",
            "GITHUB_EVENT_NAME": github["event_name"],
            "GITHUB_EVENT_PATH": str(event_path),
            "GITHUB_REPOSITORY": self.repository,
            "GITHUB_SHA": github["sha"],
            "GITHUB_REF": github["ref"],
            "GITHUB_REF_NAME": github["ref_name"],
            "GITHUB_SERVER_URL": github["server_url"],
            "GITHUB_RUN_ID": github["run_id"],
            "GITHUB_WORKSPACE": str(workspace),
            "GITHUB_OUTPUT": str(files["output"]),
            "GITHUB_ENV": str(files["env"]),
            "GITHUB_PATH": str(files["path"]),
            "GITHUB_STEP_SUMMARY": str(summary_path),
            "RUNNER_TEMP": str(runner_temp),
            "RUNNER_OS": "Linux",
            "FAKE_GH_STATE": str(self.state_path),
            "FAKE_GH_LOG": str(self.log_path),
            # git as a runner has it: no user config, no prompt.
            "GIT_CONFIG_GLOBAL": "/dev/null",
            "GIT_TERMINAL_PROMPT": "0",
        }
        environment.update(step_env)
        cwd = workspace / step.get("working-directory", ".")
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=cwd, env=environment, text=True, capture_output=True, timeout=120)
        record["stdout"] = done.stdout
        record["stderr"] = done.stderr
        record["exit"] = done.returncode
        outputs = read_commands_file(files["output"])
        env_added = read_commands_file(files["env"])
        path_added = [line for line in files["path"].read_text().splitlines() if line]
        return ("success" if done.returncode == 0 else "failure"), outputs, env_added, path_added


def workflows(folder):
    """Every workflow file in a folder, by file name."""
    return {path.name: path for path in sorted(Path(folder).glob("*.yml"))}


def run_scripts(document):
    """Every `run:` script of a workflow or an action, with where it stands."""
    scripts = []
    if "runs" in document:
        for index, step in enumerate(document["runs"].get("steps", [])):
            if "run" in step:
                scripts.append((f"runs.steps[{index}] {step.get('name', '')}", step["run"]))
    for job_name, job in (document.get("jobs") or {}).items():
        for index, step in enumerate(job.get("steps", [])):
            if "run" in step:
                scripts.append((f"jobs.{job_name}.steps[{index}] {step.get('name', '')}",
                                step["run"]))
    return scripts
