"""The UI language: Chinese source strings, an English translation, switchable at runtime.

Source strings are Chinese, so a missing translation still reads in Chinese. Every visible
string goes through :func:`translate` (``QCoreApplication.translate``, which ``lupdate``
recognises under that name). Switching language reinstalls the translators; Qt then sends
``QEvent.LanguageChange`` to every widget, which retranslates itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtGui import QAction, QActionGroup

from jlpanel.resource_files import resource

log = logging.getLogger(__name__)

#: ``translate(context, source, disambiguation=None, n=-1)``; lupdate extracts these calls.
translate = QCoreApplication.translate

LANGUAGES = ("zh", "en")
TRANSLATIONS_DIR = resource("translations")


class _State:
    language = "zh"
    translators: list[QTranslator] = []  # noqa: RUF012 — module state, one instance


def current_language() -> str:
    """The UI language now in force: "zh" or "en"."""
    return _State.language


def _load(translator: QTranslator, path: Path) -> bool:
    if translator.load(str(path)):
        return True
    log.warning("cannot load translation %s", path)
    return False


def apply_language(language: str) -> str:
    """Install the translators for ``language`` and return the language applied.

    Chinese needs only Qt's own catalogue (so standard buttons read 确定/取消); English
    needs the application's catalogue. Unknown languages fall back on Chinese.
    """
    language = language if language in LANGUAGES else "zh"
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("apply_language() needs a QApplication")
    old = _State.translators
    new: list[QTranslator] = []
    if language == "en":
        ours = QTranslator(app)
        if _load(ours, TRANSLATIONS_DIR / "jlpanel_en.qm"):
            new.append(ours)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        qtbase = QTranslator(app)
        if _load(qtbase, qt_dir / "qtbase_zh_CN.qm"):
            new.append(qtbase)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    _State.language = language
    _State.translators = new
    # Each install/remove posts QEvent.LanguageChange to every window, whose widgets then
    # retranslate themselves; deliver them now so the switch is complete on return.
    for translator in old:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    for translator in new:
        QCoreApplication.installTranslator(translator)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return language


def switch_language(language: str) -> str:
    """Apply ``language`` now and remember it as the user's preference; returns it as applied.

    Every window's language menu and the settings dialog come here, so the choice survives a
    restart whichever way it was made. A preference that cannot be saved is logged, not raised.
    """
    import dataclasses

    from jlpanel.services.preferences import load_preferences, save_preferences

    applied = apply_language(language)
    try:
        save_preferences(dataclasses.replace(load_preferences(), language=applied))
    except OSError as exc:
        log.warning("cannot save the language preference: %s", exc)
    return applied


def language_actions(parent: QObject, choose: Callable[[str], None]) -> dict[str, QAction]:
    """The checkable 中文 / English menu actions, exclusive, each calling ``choose(code)``.

    Each language is named in its own language, so it can be found from either.
    """
    group = QActionGroup(parent)
    group.setExclusive(True)
    actions: dict[str, QAction] = {}
    for code, name in (("zh", "中文"), ("en", "English")):
        action = QAction(name, group)
        action.setCheckable(True)
        action.setData(code)
        action.triggered.connect(partial(choose, code))
        actions[code] = action
    actions[current_language()].setChecked(True)
    return actions


def counted(n: int, one: str, other: str) -> str:
    """A message with a count: the singular or plural form, with ``{n}`` filled in.

    Both forms are translated messages that differ only by their disambiguation ("one" /
    "other"), written at the call site so pyside6-lupdate finds them:
    ``counted(n, translate(ctx, "{n} 个月", "one"), translate(ctx, "{n} 个月", "other"))``.
    Qt's own %n numerus forms are not extracted from Python by the lupdate of PySide6 6.11.
    """
    # replace, not format: the message may hold other fields filled in by the caller
    return (one if n == 1 else other).replace("{n}", f"{n:,}")
