"""Handout labels in Ukrainian (Українська) for visitor slips and the poster.

MACHINE-MADE: written by a machine, not yet checked by a translator. A library replaces
any label under `labels:` in `data/translations/uk.yaml`.
"""

from __future__ import annotations

from typing import Final

MACHINE_MADE: Final = True

PHRASES: Final[dict[str, str]] = {
    "label.slips_title": "Картки-направлення",
    "label.slips_intro": "Роздрукуйте, розріжте вздовж пунктирних ліній і дайте картку відвідувачеві.",
    "label.slip_heading": "Направлення",
    "label.slip_need": "Вам потрібна допомога з",
    "label.slip_go_to": "Куди звернутися",
    "label.slip_tick": "Позначте, куди ви звернетеся",
    "label.slip_library_helps": "З цим ми допоможемо вам тут, у бібліотеці.",
    "label.slip_bring": "Візьміть із собою",
    "label.slip_help_in": "Допомога мовами",
    "label.slip_own_contact": "Ваш власний контакт (наприклад, ваш банк)",
    "label.slip_next_step": "Наступний крок",
    "label.slip_more_at_desk": "Інші місця та контакти: запитайте на інформаційній стійці.",
    "label.slip_checked": "Дані перевірено",
    "label.phone_short": "Тел.",
    "label.chat": "Чат",
    "label.opening_hours_short": "Години роботи",
    "label.poster_title": "Потрібна допомога з чимось цифровим?",
    "label.poster_intro": "Запитайте нас на інформаційній стійці. Тут видно, з чим ми допомагаємо і куди звернутися з рештою.",
    "label.poster_we_help": "З цим ми вам допоможемо",
    "label.poster_we_show": "Тут ми підкажемо, куди звернутися",
    "label.poster_ask": "Просто запитайте нас!",
    "label.reviewed": "Востаннє переглянуто",
    "label.not_reviewed": "не вказано",
    "label.revision": "Версія",
    "label.revision_unknown": "невідома",
    "label.revision_changes": "зміни",
    "label.page": "Сторінка",
    "label.page_of": "з",
    "vocab.requirement.id_document": "Посвідчення особи",
    "vocab.requirement.library_card": "Читацький квиток",
    "vocab.requirement.e_id": "Електронна ідентифікація (e-ID)",
    "vocab.requirement.password": "Ваші паролі",
    "vocab.requirement.own_device": "Ваш телефон, планшет або комп'ютер",
    "vocab.requirement.other": "Інше – запитайте працівників",
    "visitors.label.fallback_note": "Текст, позначений *, написано {language}: його ще не перекладено.",
    "visitors.label.source_sv": "шведською",
    "visitors.label.source_en": "англійською",
}
