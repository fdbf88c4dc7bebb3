"""Handout labels in Arabic (العربية) for visitor slips, the poster and the public page.

MACHINE-MADE: written by a machine, not yet checked by a translator. A library replaces
any label under `labels:` in `data/translations/ar.yaml`.
"""

from __future__ import annotations

from typing import Final

MACHINE_MADE: Final = True

PHRASES: Final[dict[str, str]] = {
    "label.slips_title": "قسائم الإحالة",
    "label.slips_intro": "اطبع القسائم وقصّها على طول الخطوط المتقطعة وأعطِ القسيمة للزائر.",
    "label.slip_heading": "إحالة",
    "label.slip_need": "تحتاج إلى مساعدة في",
    "label.slip_go_to": "إلى أين تتوجّه",
    "label.slip_tick": "ضع علامة على الجهة التي ستتوجّه إليها",
    "label.slip_library_helps": "نساعدك في هذا هنا في المكتبة.",
    "label.slip_bring": "أحضر معك",
    "label.slip_help_in": "المساعدة باللغات",
    "label.slip_own_contact": "جهة الاتصال الخاصة بك (مثلاً بنكك)",
    "label.slip_next_step": "الخطوة التالية",
    "label.slip_more_at_desk": "أماكن ومعلومات اتصال أخرى: اسأل في مكتب الاستعلامات.",
    "label.slip_checked": "تاريخ التحقق من المعلومات",
    "label.phone_short": "هاتف",
    "label.chat": "دردشة",
    "label.opening_hours_short": "أوقات العمل",
    "label.poster_title": "هل تحتاج إلى مساعدة في أمر رقمي؟",
    "label.poster_intro": "اسألنا في مكتب الاستعلامات. هنا ترى ما نساعدك فيه، وإلى أين تتوجّه في الأمور الأخرى.",
    "label.poster_we_help": "نساعدك في هذا",
    "label.poster_we_show": "هنا نرشدك إلى الجهة المختصة",
    "label.poster_ask": "لا تتردد في سؤالنا!",
    "label.reviewed": "آخر مراجعة",
    "label.not_reviewed": "غير محدد",
    "label.revision": "الإصدار",
    "label.revision_unknown": "غير معروف",
    "label.revision_changes": "تعديلات",
    "label.page": "صفحة",
    "label.page_of": "من",
    "label.public_page_title": "بماذا يمكن أن تساعدك المكتبة؟",
    "label.public_page_intro": "هنا ترى ما نساعدك فيه في المكتبة من معاملات رقمية، وإلى أين تتوجّه في ما لا نستطيع القيام به نيابةً عنك.",
    "label.contents": "المحتويات",
    "label.public_search": "ابحث في المعاملات",
    "label.public_search_hint": "اكتب ما تحتاج إلى مساعدة فيه، مثلاً BankID أو استمارة أو جواز سفر.",
    "label.page_browse": "جميع المعاملات حسب الفئة",
    "label.public_we_help": "نستطيع مساعدتك في هذا",
    "label.public_why": "لماذا نحيلك إلى جهة أخرى",
    "label.public_how": "كيف تتم العملية",
    "label.languages": "اللغات",
    "label.public_contact_us": "لديك أسئلة؟ تواصل مع المكتبة",
    "label.page_skip": "انتقل إلى مربع البحث",
    "label.address": "العنوان",
    "label.page_status_answer": "الجواب: {need}",
    "label.public_status_closest": "لا توجد إجابة أكيدة. اقرأ أقرب المعاملات واختر بنفسك.",
    "label.public_closest_rows": "أقرب المعاملات",
    "label.public_hits": "النتائج",
    "label.page_not_found": "لم يُعثر على: {words}",
    "label.public_nothing": "لا توجد معاملة تطابق «{query}».",
    "label.public_closest_words": "أقرب الكلمات:",
    "label.public_no_words": "لا توجد كلمات مشابهة. جرّب كلمة أقصر أو كلمة أخرى.",
    "label.public_common_words_only": "هذه الكلمات شائعة جدًا للبحث. اكتب ما تحتاج المساعدة فيه، مثل خدمة أو جهة حكومية.",
    "vocab.requirement.id_document": "وثيقة هوية",
    "vocab.requirement.library_card": "بطاقة المكتبة",
    "vocab.requirement.e_id": "الهوية الإلكترونية",
    "vocab.requirement.password": "كلمات المرور الخاصة بك",
    "vocab.requirement.own_device": "هاتفك أو جهازك اللوحي أو حاسوبك",
    "vocab.requirement.other": "غير ذلك – اسأل الموظفين",
    "visitors.label.fallback_note": "النص المعلَّم بـ * مكتوب باللغة {language}، لأنه لم يُترجم بعد.",
    "visitors.label.source_sv": "السويدية",
    "visitors.label.source_en": "الإنجليزية",
}
