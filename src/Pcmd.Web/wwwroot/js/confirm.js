// Irreversible steps (issue 15, item 4): a submit button or form with data-confirm asks in a <dialog> before posting, then
// posts with Confirmed=1. Without script the server shows the same question as a step of its own (ConfirmStep.razor).
(function () {
    if (window.pcmdConfirm) return;
    window.pcmdConfirm = true;
    document.addEventListener('submit', function (e) {
        var form = e.target, submitter = e.submitter;
        var text = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
        if (!text || form.querySelector('input[name="Confirmed"]')) return;
        e.preventDefault();
        var source = (submitter && submitter.dataset.confirm) ? submitter : form;
        var dialog = document.createElement('dialog');
        dialog.className = 'confirm-dialog';
        dialog.setAttribute('aria-labelledby', 'confirm-dialog-title');
        dialog.dataset.testid = 'confirm-dialog';
        var title = document.createElement('h2');
        title.id = 'confirm-dialog-title';
        title.className = 'h6';
        title.textContent = source.dataset.confirmTitle || '';
        var p = document.createElement('p');
        p.textContent = text;
        var yes = document.createElement('button');
        yes.type = 'button';
        yes.className = 'btn ' + (source.dataset.confirmClass || 'btn-danger');
        yes.textContent = source.dataset.confirmYes || 'OK';
        var no = document.createElement('button');
        no.type = 'button';
        no.className = 'btn btn-outline-secondary';
        no.textContent = source.dataset.confirmNo || 'Cancel';
        var actions = document.createElement('div');
        actions.className = 'd-flex flex-wrap gap-2';
        actions.append(yes, no);
        dialog.append(title, p, actions);
        document.body.append(dialog);
        no.addEventListener('click', function () { dialog.close(); });
        dialog.addEventListener('close', function () { dialog.remove(); });
        yes.addEventListener('click', function () {
            var input = document.createElement('input');
            input.type = 'hidden';
            input.name = 'Confirmed';
            input.value = '1';
            form.append(input);
            dialog.close();
            if (submitter) form.requestSubmit(submitter); else form.requestSubmit();
        });
        dialog.showModal();
        no.focus();
    });
})();
