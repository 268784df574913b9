using System.Text;

namespace Mailseal.Testing.Corpus;

/// <summary>Invented body texts for corpus messages.</summary>
internal static class CorpusText
{
    public const string English =
        "Hello Bruno,\n\nthe revised delivery schedule for the Lisbon warehouse is below. Pallets for\n" +
        "orders 4411 to 4420 leave on Tuesday; the rest follow once the customs papers are signed.\n\n" +
        "Please tell me by Friday if the loading dock is free in the morning.\n\nKind regards,\nAda\n";

    public const string Html =
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Schedule</title></head>\n<body>\n" +
        "<p>Hello Bruno,</p>\n<p>the revised delivery schedule for the <b>Lisbon warehouse</b> is below.</p>\n" +
        "<table border=\"1\"><tr><th>Orders</th><th>Leaves</th></tr>\n<tr><td>4411&ndash;4420</td><td>Tuesday</td></tr></table>\n" +
        "<p>Kind regards,<br>Ada</p>\n</body></html>\n";

    public const string French =
        "Bonjour Chiara,\n\nvoici le résumé de la réunion : le budget révisé s'élève à 12 500 €,\n" +
        "l'équipe « logistique » reprend le dossier lundi, et la livraison est prévue fin août.\n\nCordialement,\nAda\n";

    public const string German =
        "Hallo Dmitri,\n\ndie Übergabe der Schlüssel für das Büro in der Großen Straße ist am Dienstag.\n" +
        "Die Gebühr von 85 € wird „wie besprochen“ über die Firma abgerechnet.\n\nGrüße\nAda\n";

    public const string Russian =
        "Здравствуйте, Дмитрий!\n\nОтчёт по складу за февраль готов. Остатки сверены, расхождений\n" +
        "нет. Прошу подтвердить получение до пятницы.\n\nС уважением,\nАда\n";

    public const string Japanese =
        "中村様\n\nいつもお世話になっております。来週の打ち合わせは火曜日の午後二時からに変更となりました。\n" +
        "会議室は三階の第二会議室です。ご確認のほどよろしくお願いいたします。\n\nリンドクヴィスト\n";

    public const string Chinese =
        "林先生您好：\n\n附上本季的出貨清單，請於星期五前確認數量與交貨日期。\n若有任何問題，歡迎隨時與我聯絡。\n\n謝謝\nAda\n";

    public const string Emoji = "Shipment confirmed ✅ — the crates 📦 arrive Thursday; Zoë and Søren will sign for them.\n";

    /// <summary>Repeats <paramref name="line"/> until the text has at least <paramref name="minimumLength"/> characters.</summary>
    public static string Repeat(string line, int minimumLength)
    {
        var builder = new StringBuilder();
        while (builder.Length < minimumLength)
        {
            builder.Append(line);
        }

        return builder.ToString();
    }

    /// <summary>A single line of exactly <paramref name="length"/> printable ASCII characters (no line break).</summary>
    public static string LongLine(int length)
    {
        const string words = "lorem-free filler for the long line test, column ";
        var builder = new StringBuilder(length + 64);
        var column = 0;
        while (builder.Length < length)
        {
            builder.Append(words).Append(column++).Append(' ');
        }

        return builder.ToString(0, length);
    }
}
