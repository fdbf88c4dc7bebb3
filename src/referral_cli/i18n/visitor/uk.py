"""Handout labels in Ukrainian (Українська) for visitor slips, the poster and the public page.

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
    "label.public_page_title": "З чим вам може допомогти бібліотека?",
    "label.public_page_intro": "Тут видно, з якими цифровими справами ми в бібліотеці вам допомагаємо і куди звернутися з тим, чого ми не можемо зробити за вас.",
    "label.contents": "Зміст",
    "label.public_search": "Пошук серед справ",
    "label.public_search_hint": "Напишіть, з чим вам потрібна допомога, наприклад BankID, бланк або паспорт.",
    "label.page_browse": "Усі справи за категоріями",
    "label.public_we_help": "З цим ми можемо вам допомогти",
    "label.public_why": "Чому ми направляємо вас далі",
    "label.public_how": "Як це відбувається",
    "label.languages": "Мови",
    "label.public_contact_us": "Є запитання? Зверніться до бібліотеки",
    "label.page_skip": "Перейти до поля пошуку",
    "label.address": "Адреса",
    "label.page_status_answer": "Відповідь: {need}",
    "label.public_status_closest": "Точної відповіді немає. Прочитайте найближчі справи й виберіть самі.",
    "label.public_closest_rows": "Найближчі справи",
    "label.public_hits": "Результати",
    "label.page_not_found": "Не знайдено: {words}",
    "label.public_nothing": "Немає справ, що відповідають «{query}».",
    "label.public_closest_words": "Найближчі слова:",
    "label.public_no_words": "Схожих слів немає. Спробуйте коротше або інше слово.",
    "label.public_common_words_only": "Ці слова надто загальні для пошуку. Напишіть, з чим вам потрібна допомога, наприклад послуга чи установа.",
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
