import json
import sys

from django.core.management.base import BaseCommand, CommandError

from assessments.content import build_content
from assessments.scoring import InvalidAnswers, assess


class Command(BaseCommand):
    help = (
        "Score answers against the content in the database. Reads answers as JSON from FILE "
        "or standard input and prints the result as JSON. Exit status 2 for bad answers."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="answers JSON file (default: standard input)")

    def handle(self, *args, file=None, **options):
        try:
            if file and file != "-":
                with open(file, encoding="utf-8") as handle:
                    text = handle.read()
            else:
                text = sys.stdin.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read answers: {exc}", returncode=2) from exc
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CommandError(f"answers are not valid JSON: {exc}", returncode=2) from exc
        except (ValueError, RecursionError) as exc:
            # Valid JSON that Python refuses: numbers over 4,300 digits, absurd nesting.
            raise CommandError(f"answers JSON is too large or deep: {exc}", returncode=2) from exc
        try:
            result = assess(raw, build_content())
        except InvalidAnswers as exc:
            raise CommandError(str(exc), returncode=2) from exc
        self.stdout.write(json.dumps(result.contract_dict(), indent=2, ensure_ascii=False))
