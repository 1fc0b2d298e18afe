# Renders a LAVA device dictionary as lava-server does (lava_scheduler_app/environment.py: a sandboxed
# jinja2 environment, trim_blocks, no autoescape) with the job's context as its variables, and prints the
# device configuration lava-run --device reads. argv: DICT_DIR DICT_NAME JOB_FILE; device-types from lava-server.
import sys

import yaml
from jinja2 import FileSystemLoader
from jinja2.sandbox import SandboxedEnvironment

DEVICE_TYPES = ["/etc/lava-server/dispatcher-config/device-types", "/usr/share/lava-server/device-types"]

dict_dir, name, job_file = sys.argv[1:4]
with open(job_file, encoding="utf-8") as f:
    context = (yaml.safe_load(f) or {}).get("context") or {}
env = SandboxedEnvironment(loader=FileSystemLoader([dict_dir] + DEVICE_TYPES), autoescape=False, trim_blocks=True)
rendered = env.get_template(name).render(**context)
yaml.safe_load(rendered)  # lava-run would refuse it later, with less said
sys.stdout.write(rendered)
