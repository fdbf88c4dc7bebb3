"""Handout labels in Tigrinya (ትግርኛ) for visitor slips, the poster and the public page.

MACHINE-MADE: written by a machine, not yet checked by a translator. A library replaces
any label under `labels:` in `data/translations/ti.yaml`.
"""

from __future__ import annotations

from typing import Final

MACHINE_MADE: Final = True

PHRASES: Final[dict[str, str]] = {
    "label.slips_title": "ወረቓቕቲ ምምሕልላፍ",
    "label.slips_intro": "ሕተም፣ ብነጠብጣብ መስመራት ቑረጽ፣ ነቲ ወረቐት ድማ ንበጻሒ ሃቦ።",
    "label.slip_heading": "ምምሕልላፍ",
    "label.slip_need": "ሓገዝ ዘድልየካ ጉዳይ",
    "label.slip_go_to": "ናበይ ክትከይድ ትኽእል",
    "label.slip_tick": "ዝኸደሉ ቦታ ምልክት ግበር",
    "label.slip_library_helps": "ብዛዕባዚ ኣብዚ ኣብ ቤት መጻሕፍቲ ንሕግዘካ።",
    "label.slip_bring": "ሒዝካ ምጻእ",
    "label.slip_help_in": "ሓገዝ ብቋንቋታት",
    "label.slip_own_contact": "ናትካ ርክብ (ንኣብነት ባንክኻ)",
    "label.slip_next_step": "ዝቕጽል ስጉምቲ",
    "label.slip_more_at_desk": "ካልኦት ቦታታትን ሓበሬታ ርክብን፥ ኣብ ደስክ ሓበሬታ ሕተት።",
    "label.slip_checked": "ሓበሬታ ዝተረጋገጸሉ ዕለት",
    "label.phone_short": "ስልኪ",
    "label.chat": "ቻት",
    "label.opening_hours_short": "ክፉት",
    "label.poster_title": "ኣብ ዲጂታላዊ ጉዳይ ሓገዝ የድልየካ ድዩ?",
    "label.poster_intro": "ኣብ ደስክ ሓበሬታ ሕተቱና። ኣብዚ እንሕግዘኩም ነገራትን ንኻልእ ጉዳያት ናበይ ከም እትኸዱን ትርእዩ።",
    "label.poster_we_help": "ኣብዚ ንሕግዘኩም",
    "label.poster_we_show": "ኣብዚ መንገዲ ነርእየኩም",
    "label.poster_ask": "ሕተቱና!",
    "label.reviewed": "ናይ መወዳእታ ምርኣይ",
    "label.not_reviewed": "ኣይተሓበረን",
    "label.revision": "ሕታም",
    "label.revision_unknown": "ዘይፍለጥ",
    "label.revision_changes": "ለውጥታት",
    "label.page": "ገጽ",
    "label.page_of": "ካብ",
    "label.public_page_title": "ቤት መጻሕፍቲ ብምንታይ ክሕግዘኩም ይኽእል?",
    "label.public_page_intro": "ኣብዚ ኣብ ቤት መጻሕፍቲ ብዛዕባ ዲጂታላዊ ጉዳያት እንሕግዘኩም ነገራት፣ ከምኡውን ክንገብረልኩም ንዘይንኽእሎ ናበይ ከም እትኸዱ ትርእዩ።",
    "label.contents": "ትሕዝቶ",
    "label.public_search": "ኣብ ጉዳያት ድለዩ",
    "label.public_search_hint": "ሓገዝ ዘድልየኩም ነገር ጽሓፉ፣ ንኣብነት BankID፣ ቅጥዒ ወይ ፓስፖርት።",
    "label.page_browse": "ኩሎም ጉዳያት ብምድብ",
    "label.public_we_help": "ኣብዚ ክንሕግዘኩም ንኽእል",
    "label.public_why": "ስለምንታይ ናብ ካልእ ቦታ ንሰደኩም",
    "label.public_how": "ከመይ ከም ዝካየድ",
    "label.languages": "ቋንቋታት",
    "label.public_contact_us": "ሕቶ ኣለኩም ድዩ? ንቤት መጻሕፍቲ ተወከሱ",
    "label.page_skip": "ናብ ሳጹን ምድላይ ኺዱ",
    "label.address": "ኣድራሻ",
    "label.page_status_answer": "መልሲ፥ {need}",
    "label.public_status_closest": "ርግጸኛ መልሲ የለን። ነቶም ዝቐረቡ ጉዳያት ኣንብቡ እሞ ባዕልኹም ምረጹ።",
    "label.public_closest_rows": "ዝቐረቡ ጉዳያት",
    "label.public_hits": "ውጽኢታት",
    "label.page_not_found": "ኣይተረኽበን፥ {words}",
    "label.public_nothing": "ምስ «{query}» ዝሰማማዕ ጉዳይ የለን።",
    "label.public_closest_words": "ዝቐረባ ቃላት፥",
    "label.public_no_words": "ተመሳሳሊ ቃላት የለን። ሓጺር ወይ ካልእ ቃል ፈትኑ።",
    "label.public_common_words_only": "እዞም ቃላት ንምድላይ ኣዝዮም ልሙዳት እዮም። ሓገዝ ዘድልየኩም ነገር ጽሓፉ፡ ንኣብነት ኣገልግሎት ወይ ትካል።",
    "vocab.requirement.id_document": "መንነት ወረቐት",
    "vocab.requirement.library_card": "ካርድ ቤት መጻሕፍቲ",
    "vocab.requirement.e_id": "ኤሌክትሮኒካዊ መንነት",
    "vocab.requirement.password": "ናትካ መሕለፊ ቃላት",
    "vocab.requirement.own_device": "ሞባይልካ፣ ታብለትካ ወይ ኮምፒተርካ",
    "vocab.requirement.other": "ካልእ – ንሰራሕተኛታት ሕተት",
    "visitors.label.fallback_note": "ብ * ዝተመልከተ ጽሑፍ ብ{language} እዩ፥ ገና ኣይተተርጎመን።",
    "visitors.label.source_sv": "ሽወደንኛ",
    "visitors.label.source_en": "እንግሊዝኛ",
}
