"""Every addon ships its .pot and a complete zh_CN.po (Chinese is first-class)."""

import re

import polib

PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%[sdf]|\{\w*\}")


def test_pot_and_zh_cn_exist(addon):
    assert (addon / "i18n" / f"{addon.name}.pot").is_file()
    assert (addon / "i18n" / "zh_CN.po").is_file()


def test_zh_cn_translates_every_term_of_the_pot(addon):
    pot = polib.pofile(str(addon / "i18n" / f"{addon.name}.pot"))
    po = polib.pofile(str(addon / "i18n" / "zh_CN.po"))
    translated = {entry.msgid: entry for entry in po if not entry.obsolete}
    missing = [entry.msgid for entry in pot if entry.msgid not in translated]
    assert (
        not missing
    ), f"zh_CN.po lacks {len(missing)} terms of the .pot: {missing[:5]}"
    untranslated = [
        e.msgid for e in translated.values() if not e.msgstr or "fuzzy" in e.flags
    ]
    assert not untranslated, f"untranslated in zh_CN.po: {untranslated[:5]}"


def test_zh_cn_keeps_placeholders(addon):
    po = polib.pofile(str(addon / "i18n" / "zh_CN.po"))
    for entry in po:
        assert sorted(PLACEHOLDER.findall(entry.msgid)) == sorted(
            PLACEHOLDER.findall(entry.msgstr)
        ), entry.msgid


def test_no_en_po(addon):
    assert not (addon / "i18n" / "en.po").exists(), "OCA forbids i18n/en.po"
