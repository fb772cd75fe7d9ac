"""Pairs written for servicefit: a short but excellent reply and a long but poor one.

Reviewed by hand: in every pair the first reply is the better customer-service
answer to the message, though it is much shorter.
"""

from __future__ import annotations

PAIRS: list[dict[str, str]] = [
    {
        "language": "en",
        "channel": "chat",
        "message": "My order 7731 still hasn't arrived and it was due on Monday! When will I get it?",
        "short": "I'm sorry it's late. I've checked 7731: it arrives tomorrow by 12:00, and I'll message you once it's out for delivery.",
        "long": "Thank you for contacting our customer service team regarding your enquiry. Please be advised that delivery times "
        "are estimates and are not guaranteed under our terms and conditions, which you accepted when placing the order. "
        "You need to contact the courier directly with your tracking number to find out more information about the "
        "current status of the parcel, as we are not able to see this information on our side of the system at this time. "
        "Please note that we cannot be held responsible for delays caused by third parties.",
    },
    {
        "language": "en",
        "channel": "email",
        "message": "Hi, I was charged twice for my March bill. Can you refund the extra payment? Thanks, Priya",
        "short": "Hi Priya,\n\nSorry about the double charge. I've refunded the extra £42.10 today; it will reach your account within 3 working days.\n\nKind regards,\nSam",
        "long": "Dear Customer,\n\nWe have received your message. Our billing system processes payments automatically according to "
        "the schedule that was set up on your account, and as per our policy payments are collected on the due date. "
        "If you believe there has been an error you should check your bank statement carefully and then you will have "
        "to fill in the dispute form on our website, providing all the relevant details, and the relevant team will "
        "review it in due course. It is not possible for us to give a timescale for this.\n\nRegards,\nBilling",
    },
    {
        "language": "es",
        "channel": "chat",
        "message": "¡Llevo tres días sin internet! ¿Cuándo lo van a arreglar?",
        "short": "Lo siento mucho, entiendo su enfado. He reservado un técnico para mañana entre las 9 y las 11 y le llamaré después para confirmar que todo funciona.",
        "long": "Estimado cliente, le informamos de que las incidencias se gestionan por orden de llegada según los "
        "procedimientos internos de la compañía. Usted tiene que reiniciar el router y comprobar el cableado antes de "
        "volver a contactar con nosotros, ya que en muchos casos el problema está en la instalación del cliente. No es "
        "posible darle una fecha concreta y no es nuestra responsabilidad si la avería se debe a su equipo.",
    },
    {
        "language": "pl",
        "channel": "email",
        "message": "Dzień dobry, karta została zablokowana za granicą. Czy możecie ją odblokować? Pozdrawiam, Marek",
        "short": "Dzień dobry Panie Marku,\n\nprzepraszam za kłopot. Odblokowałem kartę przed chwilą, już działa. Jutro sprawdzę, czy płatności przechodzą, i dam znać.\n\nPozdrawiam,\nAnna",
        "long": "Szanowny Kliencie, uprzejmie informujemy, że blokada karty wynika z procedur bezpieczeństwa banku i "
        "nie jest naszą winą. Musi Pan samodzielnie zadzwonić na infolinię i przejść pełną weryfikację tożsamości, "
        "a następnie złożyć wniosek w oddziale. Nie ma możliwości odblokowania karty w tym kanale. Prosimy o "
        "zapoznanie się z regulaminem, gdzie wszystkie te informacje zostały szczegółowo opisane.",
    },
    {
        "language": "en",
        "channel": "social",
        "message": "@ShopCo your app keeps crashing when I try to pay. Useless!!",
        "short": "Really sorry about that! I've reported the crash to our app team and I'll DM you the moment a fix is out. Meanwhile you can pay on our website.",
        "long": "Hello. Our app is tested thoroughly before every release and works for the vast majority of our users, so the "
        "problem is most likely related to your own device or its settings. You should update your phone, clear the cache, "
        "reinstall the app and make sure you have a stable connection. If it still doesn't work after all of that, you "
        "will need to contact your phone manufacturer. Calling our app useless is not helpful.",
    },
    {
        "language": "es",
        "channel": "email",
        "message": "Buenas tardes, el vuelo de mañana se ha cancelado. ¿Me pueden cambiar al siguiente? Gracias, Lucía",
        "short": "Hola Lucía:\n\nLo siento mucho. Le he cambiado al vuelo de las 18:40 de mañana, sin coste, y le envío ahora la nueva tarjeta de embarque.\n\nUn saludo,\nJavier",
        "long": "Estimada cliente:\n\nLas cancelaciones se producen por motivos operativos ajenos a la compañía y se rigen por "
        "las condiciones generales de transporte publicadas en nuestra página web. Para solicitar un cambio usted debe "
        "acceder al área de cliente, buscar la reserva, seleccionar la opción correspondiente y seguir los pasos "
        "indicados, teniendo en cuenta que la disponibilidad no está garantizada y que pueden aplicarse suplementos.\n\nAtentamente",
    },
]
