package org.aems.api.alert;

import java.util.List;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** One plain-text e-mail per alert to the configured addresses. */
final class MailChannel implements AlertChannel {

    private final JavaMailSender sender;
    private final List<String> to;
    private final String from;

    MailChannel(JavaMailSender sender, List<String> to, String from) {
        this.sender = sender;
        this.to = to;
        this.from = from;
    }

    @Override
    public String name() {
        return "e-mail";
    }

    @Override
    public void send(AlertView alert) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to.toArray(String[]::new));
        mail.setSubject("[AEMS " + alert.severity() + "] " + alert.kind() + ": " + alert.subject());
        mail.setText(alert.message() + "\n\nRaised: " + alert.raisedAt() + "\nAlert id: " + alert.id()
                + "\nAcknowledge it on the dashboard: /dashboard/alerts.html\n");
        sender.send(mail);
    }
}
