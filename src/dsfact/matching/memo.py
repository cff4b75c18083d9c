"""What a module found in the text it read last. One text is matched at a time by a thread, so a module keeps
what it worked out about that text (per sentence, per name) and forgets it when the next text comes.

The one guard for such caches: an archive's Dask workers may be threads of one process, each checking its
own text, so what is remembered is the thread's own (a thread checks a text to its end before it reads the
next), and a thread never reads another's text with its own findings."""
from __future__ import annotations

from _thread import _local  # threading.local, without importing threading


class LastText(_local):
    """A dict of findings that belongs to one text and empties when another text is asked about, per thread
    (each thread that uses it starts with its own, empty)."""

    def __init__(self) -> None:
        self.last: tuple[object, dict] = (None, {})  # (the text, its findings): one attribute of the thread's read per ask

    def of(self, text) -> dict:
        last = self.last
        if last[0] is not text:
            last = self.last = (text, {})
        return last[1]



OWNERS = 16  # registries a per-registry store keeps at most before it starts again


def held_for(store: dict, owner, build):
    """What `build(owner)` works out of one registry (or its claims), once: kept in a module's `store` under the
    owner's id, with the owner itself, so that another object given the same id later is not taken for it; a
    store that holds OWNERS owners is emptied first (a process may load many registries: tests, a server)."""
    held = store.get(id(owner))
    if held is None or held[0] is not owner:
        if len(store) >= OWNERS:
            store.clear()
        held = store[id(owner)] = (owner, build(owner))
    return held[1]
