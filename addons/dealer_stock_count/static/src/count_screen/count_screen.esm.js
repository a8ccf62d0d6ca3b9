/** @odoo-module **/
// Copyright 2026 Dealer Management Team
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
/*
 * Phone and handheld-scanner count screen (issue 20, STK-13).
 * Keyboard-wedge scanners: core `barcodes` service (or the scan field, which
 * a wedge scanner types into); phones: the web client's camera scanner
 * (`scanBarcode`). Each scan carries a UUID made here and is kept in
 * localStorage until the server confirmed it: a lost connection loses no
 * scan, and a re-sent scan is not counted twice (unique scan ID).
 * The same screen counts a receipt acceptance (PUR-07, STK-07) when opened
 * from its form (context `dealer_scan_model`): the server model answers the
 * same calls (`dealer_scan`, `dealer_scan_info`).
 */
import {Component, onMounted, onWillStart, useRef, useState} from "@odoo/owl";
import {ConfirmationDialog} from "@web/core/confirmation_dialog/confirmation_dialog";
import {isBarcodeScannerSupported} from "@web/core/barcode/barcode_video_scanner";
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {scanBarcode} from "@web/core/barcode/barcode_dialog";
import {useBus, useService} from "@web/core/utils/hooks";

const QUEUE_KEY = "dealer_stock_count.pending_scans";
const SHEET_MODEL = "dealer.stocktake.sheet";

function newUuid() {
    if (window.crypto && window.crypto.randomUUID) {
        return window.crypto.randomUUID();
    }
    return `${Date.now()}-${Math.random().toString(16).slice(2)}-${Math.random()
        .toString(16)
        .slice(2)}`;
}

export class DealerCountScreen extends Component {
    static template = "dealer_stock_count.CountScreen";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.notification = useService("notification");
        this.dialog = useService("dialog");
        this.action = useService("action");
        this.scanModel = this.props.action?.context?.dealer_scan_model || SHEET_MODEL;
        this.isSheet = this.scanModel === SHEET_MODEL;
        this.scanInput = useRef("scanInput");
        this.qtyInput = useRef("qtyInput");
        this.cameraSupported = isBarcodeScannerSupported();
        this.state = useState({
            sheets: [],
            sheet: null,
            last: null,
            history: [],
            asking: null,
            quantity: "",
            pending: this.loadQueue().length,
            busy: false,
        });
        const barcode = this.env.services.barcode;
        if (barcode) {
            useBus(barcode.bus, "barcode_scanned", (ev) =>
                this.onCode(ev.detail.barcode)
            );
        }
        onWillStart(async () => {
            const sheetId = this.props.action?.context?.active_id;
            if (!this.isSheet) {
                this.state.sheet = await this.orm.call(
                    this.scanModel,
                    "dealer_scan_info",
                    [[sheetId]]
                );
                return;
            }
            await this.loadSheets();
            if (sheetId) {
                this.state.sheet =
                    this.state.sheets.find((sheet) => sheet.id === sheetId) || null;
            }
        });
        onMounted(() => {
            this.focusScan();
            this.flushQueue();
        });
    }

    get finishLabel() {
        return this.isSheet ? _t("Submit the sheet") : _t("Back to the acceptance");
    }

    get scanPlaceholder() {
        return this.state.sheet
            ? _t("Scan or type a product, lot or serial")
            : _t("Scan the location");
    }

    // ---------------------------------------------------------------- queue
    loadQueue() {
        try {
            return JSON.parse(window.localStorage.getItem(QUEUE_KEY) || "[]");
        } catch {
            return [];
        }
    }

    saveQueue(queue) {
        window.localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
        this.state.pending = queue.length;
    }

    async flushQueue() {
        const queue = this.loadQueue();
        for (const scan of queue) {
            try {
                const answer = await this.orm.call(
                    scan.model || SHEET_MODEL,
                    "dealer_scan",
                    [[scan.sheetId], scan.code, scan.uuid],
                    {quantity: scan.quantity}
                );
                this.saveQueue(this.loadQueue().filter((s) => s.uuid !== scan.uuid));
                this.show(answer, scan.code);
            } catch (error) {
                if (error?.name === "ConnectionLostError" || !error?.data) {
                    return; // Still offline: kept for the next try
                }
                // Refused by a rule: shown, and not sent again.
                this.saveQueue(this.loadQueue().filter((s) => s.uuid !== scan.uuid));
                this.showError(error, scan.code);
            }
        }
    }

    // ---------------------------------------------------------------- sheets
    async loadSheets() {
        this.state.sheets = await this.orm.call(
            "dealer.stocktake.sheet",
            "dealer_scan_sheets",
            []
        );
    }

    chooseSheet(sheet) {
        this.state.sheet = sheet;
        this.state.last = null;
        this.state.history = [];
        this.focusScan();
    }

    leaveSheet() {
        if (!this.isSheet) {
            this.action.doAction({
                type: "ir.actions.act_window",
                res_model: this.scanModel,
                res_id: this.state.sheet.id,
                views: [[false, "form"]],
            });
            return;
        }
        this.state.sheet = null;
        this.loadSheets();
    }

    focusScan() {
        if (this.scanInput.el) {
            this.scanInput.el.focus();
        }
    }

    // ---------------------------------------------------------------- scans
    async onScanKey(ev) {
        if (ev.key === "Enter") {
            ev.preventDefault();
            ev.stopPropagation();
            const code = ev.target.value.trim();
            ev.target.value = "";
            if (code) {
                await this.onCode(code);
            }
        }
    }

    async onCamera() {
        let code = null;
        try {
            code = await scanBarcode(this.env);
        } catch (error) {
            this.notification.add(error.message || String(error), {type: "warning"});
            return;
        }
        if (code) {
            await this.onCode(code);
        }
    }

    async onCode(code) {
        if (this.state.asking) {
            return; // A quantity is being entered
        }
        if (!this.state.sheet) {
            const sheet = await this.orm.call(
                "dealer.stocktake.sheet",
                "dealer_scan_location",
                [code]
            );
            if (sheet) {
                this.chooseSheet(sheet);
            } else {
                this.notification.add(
                    _t("%s is not a location with an open count sheet of yours.", code),
                    {type: "warning"}
                );
            }
            return;
        }
        await this.send({
            code,
            uuid: newUuid(),
            sheetId: this.state.sheet.id,
            model: this.scanModel,
        });
    }

    async send(scan) {
        const queue = this.loadQueue();
        queue.push(scan);
        this.saveQueue(queue);
        this.state.busy = true;
        try {
            const answer = await this.orm.call(
                scan.model || SHEET_MODEL,
                "dealer_scan",
                [[scan.sheetId], scan.code, scan.uuid],
                {quantity: scan.quantity === undefined ? null : scan.quantity}
            );
            this.saveQueue(this.loadQueue().filter((s) => s.uuid !== scan.uuid));
            if (answer.ask_quantity) {
                this.state.asking = {...scan, product: answer.product, uom: answer.uom};
                this.state.quantity = "";
                return;
            }
            this.show(answer, scan.code);
        } catch (error) {
            if (error?.name === "ConnectionLostError" || !error?.data) {
                this.notification.add(
                    _t("No connection: the scan is kept and sent again later."),
                    {type: "warning"}
                );
            } else {
                this.saveQueue(this.loadQueue().filter((s) => s.uuid !== scan.uuid));
                this.showError(error, scan.code);
            }
        } finally {
            this.state.busy = false;
            if (!this.state.asking) {
                this.focusScan();
            } else if (this.qtyInput.el) {
                this.qtyInput.el.focus();
            }
        }
    }

    show(answer, code) {
        if (
            answer.sheet &&
            this.state.sheet &&
            answer.sheet.id === this.state.sheet.id
        ) {
            this.state.sheet = answer.sheet;
        }
        const entry = {
            key: newUuid(),
            code,
            result: answer.result,
            label: [answer.product, answer.lot].filter(Boolean).join(" · ") || code,
            counted: answer.counted,
            message: answer.message,
        };
        this.state.last = entry;
        this.state.history.unshift(entry);
        this.state.history.splice(8);
    }

    showError(error, code) {
        const message = error?.data?.message || error?.message || String(error);
        const entry = {key: newUuid(), code, result: "refused", label: code, message};
        this.state.last = entry;
        this.state.history.unshift(entry);
    }

    // ------------------------------------------------------------- quantity
    onQtyKey(ev) {
        if (ev.key === "Enter") {
            ev.preventDefault();
            ev.stopPropagation();
            this.confirmQuantity();
        }
    }

    async confirmQuantity() {
        const quantity = parseFloat(String(this.state.quantity).replace(",", "."));
        if (!(quantity > 0)) {
            this.notification.add(_t("Enter the number of items found."), {
                type: "warning",
            });
            return;
        }
        const scan = {...this.state.asking, quantity};
        delete scan.product;
        delete scan.uom;
        this.state.asking = null;
        await this.send(scan);
    }

    cancelQuantity() {
        this.state.asking = null;
        this.focusScan();
    }

    // --------------------------------------------------------------- submit
    async finish() {
        if (!this.isSheet) {
            this.leaveSheet();
            return;
        }
        const sheet = this.state.sheet;
        const left = sheet.to_count - sheet.counted;
        const message = left
            ? _t(
                  "%s line(s) were not scanned: they are counted as 0. Submit the sheet?",
                  left
              )
            : _t("Submit the sheet? Its counts cannot be changed afterwards.");
        this.dialog.add(ConfirmationDialog, {
            body: message,
            confirmLabel: _t("Submit"),
            confirm: async () => {
                await this.orm.call("dealer.stocktake.sheet", "dealer_scan_finish", [
                    [sheet.id],
                ]);
                this.notification.add(_t("Sheet submitted."), {type: "success"});
                this.leaveSheet();
            },
            cancel: () => {
                // Nothing to undo: the sheet stays open for more counting.
            },
        });
    }
}

registry.category("actions").add("dealer_stock_count.count_screen", DealerCountScreen);
