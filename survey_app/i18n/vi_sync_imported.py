"""Vietnamese messages about records and bundles imported from other installations (sync --status, forwarding)."""

MESSAGES = {
    "send the rejected records and refused bundles again (once their cause is fixed)":
        "gửi lại các bản ghi và tệp gói đã bị từ chối (khi đã khắc phục nguyên nhân)",
    "From other installations: {n} (their own installation sends them, or the forwarded bundle carries them)":
        "Của các bản cài đặt khác: {n} (chính bản cài đặt đó gửi chúng, hoặc tệp gói được chuyển tiếp mang chúng "
        "đi)",
    ", from other installations {n}": ", của bản cài đặt khác {n}",
    "Bundles of other installations to forward at the next sync: {n}":
        "Tệp gói của các bản cài đặt khác sẽ được chuyển tiếp ở lần đồng bộ tới: {n}",
    "Bundle refused by the central system: {file}: {reason}":
        "Tệp gói bị hệ thống trung tâm từ chối: {file}: {reason}",
    "{n} refused bundles are forwarded again.": "{n} tệp gói bị từ chối sẽ được chuyển tiếp lại.",
    "Forwarded {bundles} bundles of other installations: {accepted} of their records accepted, {refused} refused "
    "(their own installation settles those).":
        "Đã chuyển tiếp {bundles} tệp gói của các bản cài đặt khác: {accepted} bản ghi của chúng được nhận, "
        "{refused} bị từ chối (bản cài đặt của chúng tự xử lý các bản ghi đó).",
    "These records are {name}'s: its own installation sends them to the central system (this laptop does not, "
    "unless it revises them).":
        "Các bản ghi này là của {name}: chính bản cài đặt đó gửi chúng lên hệ thống trung tâm (máy này không gửi, "
        "trừ khi máy này sửa chúng).",
}
