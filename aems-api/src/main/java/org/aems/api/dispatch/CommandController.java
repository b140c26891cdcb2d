package org.aems.api.dispatch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Optional;
import org.aems.api.config.NotFoundException;
import org.aems.api.security.Principals;
import org.aems.api.security.SiteScope;
import org.aems.core.grid.SiteId;
import org.aems.optimizer.dispatch.CommandStatus;
import org.aems.optimizer.dispatch.CommandStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Setpoint commands sent to gateways, by the optimizer or an operator, and their acknowledgements. */
@RestController
@RequestMapping("/api/v1/commands")
class CommandController {

    static final int MAX_PAGE_SIZE = 1000;

    private final CommandStore commands;
    private final SiteScope scope;

    CommandController(CommandStore commands, SiteScope scope) {
        this.commands = commands;
        this.scope = scope;
    }

    @GetMapping
    @Operation(summary = "List commands", description = "Newest first, a page at a time; optionally of one site and one status "
            + "(PENDING, SENT, ACCEPTED, REJECTED, FAILED, NO_ACK, EXPIRED). Organisations other than the platform operator"
            + " name a site in their scope (403 SITE_OUT_OF_SCOPE otherwise).")
    CommandView.Page list(@Parameter(description = "only commands to this site") @RequestParam(required = false) String site,
                          @Parameter(description = "only commands in this status") @RequestParam(required = false) CommandStatus status,
                          @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
                          @Parameter(description = "commands per page, 1.." + MAX_PAGE_SIZE) @RequestParam(defaultValue = "100") int size) {
        if (page < 0) {
            throw new IllegalArgumentException("parameter 'page' must be >= 0, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("parameter 'size' must be within 1.." + MAX_PAGE_SIZE + ", was " + size);
        }
        Optional<SiteId> siteId = Optional.ofNullable(site).map(SiteId::of);
        scope.require(Principals.current().orElseThrow(), siteId.map(SiteId::value).orElse(null));
        Optional<CommandStatus> wanted = Optional.ofNullable(status);
        return new CommandView.Page(commands.count(siteId, wanted), page, size,
                commands.page(siteId, wanted, Math.multiplyExact(page, size), size).stream().map(CommandView::of).toList());
    }

    @GetMapping("/{commandId}")
    @Operation(summary = "One command and what became of it")
    CommandView get(@PathVariable String commandId) {
        CommandView command = commands.find(commandId).map(CommandView::of)
                .orElseThrow(() -> new NotFoundException("COMMAND_NOT_FOUND", "no command with id '" + commandId + "' was sent"));
        scope.require(Principals.current().orElseThrow(), command.siteId());
        return command;
    }
}
