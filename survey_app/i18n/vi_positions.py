"""Vietnamese for the latitude/longitude parser (survey_app/latlon.py)."""

MESSAGES = {
    "Each coordinate is a number of degrees such as 16,4637 or 16.4637 (no letters, no NaN or infinity).":
        "Mỗi tọa độ là một số độ như 16,4637 hoặc 16.4637 (không có chữ, không NaN hay vô cực).",
    "Write the latitude, then the longitude, in decimal degrees: 16,4637 107,5909 or 16.4637, 107.5909.":
        "Hãy ghi vĩ độ rồi đến kinh độ, bằng độ thập phân: 16,4637 107,5909 hoặc 16.4637, 107.5909.",
    "The latitude (the first number) must be between -90 and 90 degrees; the longitude comes second.":
        "Vĩ độ (số thứ nhất) phải nằm trong khoảng -90 đến 90 độ; kinh độ ghi sau.",
    "The longitude (the second number) must be between -180 and 180 degrees.":
        "Kinh độ (số thứ hai) phải nằm trong khoảng -180 đến 180 độ.",
}
