// The inspector's search (issue 15, item 2): where the phone can tell its position, a button lists the nearest
// establishments first. Without script, or when the position is refused, the search by name or address still works.
(function () {
    var button = document.getElementById('find-near');
    if (!button || !navigator.geolocation) return;
    button.hidden = false;
    button.addEventListener('click', function () {
        button.disabled = true;
        navigator.geolocation.getCurrentPosition(function (p) {
            document.getElementById('find-lat').value = p.coords.latitude.toFixed(6);
            document.getElementById('find-lon').value = p.coords.longitude.toFixed(6);
            button.form.submit();
        }, function () { button.disabled = false; }, { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
    });
})();
