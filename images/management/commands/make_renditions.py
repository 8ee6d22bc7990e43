"""Make the renditions that images lack: those that arrived by ``loaddata``
(raw saves skip ``Image.save()``). Renditions already in storage are reused,
so running it again encodes nothing."""

from django.core.management.base import BaseCommand

from images.models import Image


class Command(BaseCommand):
    help = "Create missing resized renditions (WebP + JPEG) of every image whose file is present."

    def handle(self, *args, **options):
        updated = missing = 0
        for image in Image.objects.iterator():
            if not image.file or not image.file.storage.exists(image.file.name):
                missing += 1
                self.stderr.write(f"{image.slug}: file {image.file.name!r} not found, skipped")
                continue
            updated += image.ensure_renditions()
        self.stdout.write(f"Renditions: {updated} image(s) updated, {missing} without a file.")
