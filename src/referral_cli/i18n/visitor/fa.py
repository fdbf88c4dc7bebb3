"""Handout labels in Persian (فارسی) for visitor slips, the poster and the public page.

MACHINE-MADE: written by a machine, not yet checked by a translator. A library replaces
any label under `labels:` in `data/translations/fa.yaml`.
"""

from __future__ import annotations

from typing import Final

MACHINE_MADE: Final = True

PHRASES: Final[dict[str, str]] = {
    "label.slips_title": "برگه‌های ارجاع",
    "label.slips_intro": "برگه‌ها را چاپ کنید، در امتداد خط‌چین‌ها ببرید و برگه را به مراجعه‌کننده بدهید.",
    "label.slip_heading": "ارجاع",
    "label.slip_need": "موضوعی که در آن به کمک نیاز دارید",
    "label.slip_go_to": "به کجا مراجعه کنید",
    "label.slip_tick": "جایی را که می‌روید علامت بزنید",
    "label.slip_library_helps": "در این کار همین‌جا در کتابخانه به شما کمک می‌کنیم.",
    "label.slip_bring": "همراه بیاورید",
    "label.slip_help_in": "کمک به زبان‌های",
    "label.slip_own_contact": "تماس شخصی شما (مثلاً بانک شما)",
    "label.slip_next_step": "قدم بعدی",
    "label.slip_more_at_desk": "جاها و اطلاعات تماس بیشتر: از میز اطلاعات بپرسید.",
    "label.slip_checked": "تاریخ بررسی اطلاعات",
    "label.phone_short": "تلفن",
    "label.chat": "چت",
    "label.opening_hours_short": "ساعات کار",
    "label.poster_title": "در یک کار دیجیتال به کمک نیاز دارید؟",
    "label.poster_intro": "از ما در میز اطلاعات بپرسید. اینجا می‌بینید در چه کارهایی به شما کمک می‌کنیم و برای بقیه به کجا مراجعه کنید.",
    "label.poster_we_help": "در این کارها به شما کمک می‌کنیم",
    "label.poster_we_show": "اینجا راه را به شما نشان می‌دهیم",
    "label.poster_ask": "از ما بپرسید!",
    "label.reviewed": "آخرین بازبینی",
    "label.not_reviewed": "مشخص نشده",
    "label.revision": "نسخه",
    "label.revision_unknown": "نامعلوم",
    "label.revision_changes": "تغییرات",
    "label.page": "صفحه",
    "label.page_of": "از",
    "label.public_page_title": "کتابخانه در چه کارهایی می‌تواند به شما کمک کند؟",
    "label.public_page_intro": "اینجا می‌بینید که ما در کتابخانه در چه کارهای دیجیتالی به شما کمک می‌کنیم، و برای کارهایی که نمی‌توانیم برایتان انجام دهیم به کجا مراجعه کنید.",
    "label.contents": "فهرست مطالب",
    "label.public_search": "جستجو در میان کارها",
    "label.public_search_hint": "بنویسید در چه کاری به کمک نیاز دارید، مثلاً BankID، فرم یا گذرنامه.",
    "label.page_browse": "همه کارها بر اساس دسته‌بندی",
    "label.public_we_help": "در این کارها می‌توانیم به شما کمک کنیم",
    "label.public_why": "چرا شما را به جای دیگری راهنمایی می‌کنیم",
    "label.public_how": "روند کار چگونه است",
    "label.languages": "زبان‌ها",
    "label.public_contact_us": "سؤالی دارید؟ با کتابخانه تماس بگیرید",
    "label.page_skip": "رفتن به کادر جستجو",
    "label.address": "نشانی",
    "label.page_status_answer": "پاسخ: {need}",
    "label.public_status_closest": "پاسخ قطعی پیدا نشد. نزدیک‌ترین کارها را بخوانید و خودتان انتخاب کنید.",
    "label.public_closest_rows": "نزدیک‌ترین کارها",
    "label.public_hits": "نتایج",
    "label.page_not_found": "پیدا نشد: {words}",
    "label.public_nothing": "هیچ کاری با «{query}» مطابقت ندارد.",
    "label.public_closest_words": "نزدیک‌ترین واژه‌ها:",
    "label.public_no_words": "واژه مشابهی پیدا نشد. واژه‌ای کوتاه‌تر یا متفاوت را امتحان کنید.",
    "label.public_common_words_only": "این واژه‌ها برای جستجو بیش از حد رایج هستند. بنویسید در چه کاری کمک لازم دارید، مثلاً یک خدمت یا یک اداره.",
    "vocab.requirement.id_document": "مدرک شناسایی",
    "vocab.requirement.library_card": "کارت کتابخانه",
    "vocab.requirement.e_id": "شناسه الکترونیکی",
    "vocab.requirement.password": "رمزهای عبور شما",
    "vocab.requirement.own_device": "تلفن، تبلت یا رایانه شما",
    "vocab.requirement.other": "موارد دیگر – از کارکنان بپرسید",
    "visitors.label.fallback_note": "متن‌هایی که با * مشخص شده‌اند به زبان {language} هستند، چون هنوز ترجمه نشده‌اند.",
    "visitors.label.source_sv": "سوئدی",
    "visitors.label.source_en": "انگلیسی",
}
