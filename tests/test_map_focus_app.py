"""The map follows the region filter of the gaps view (AppTest): the chosen province, police
unit or safety region reaches the map through the page's address, the map's component
arguments stay byte for byte the same, and the region leaves the address with the view."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.test_app import open_view, start
from ui.map.focus_script import FOCUS_PARAMETERS


def _map_arguments(app: AppTest) -> str:
    (component,) = [element for element in app.get("component_instance")
                    if element.proto.component_name == "streamlit_folium.st_folium"]
    return component.proto.json_args


def _focus_in_address(app: AppTest) -> dict[str, str]:
    return {name: app.query_params[name] for name in FOCUS_PARAMETERS.values()
            if name in app.query_params}


def test_the_chosen_region_reaches_the_map_without_a_new_map() -> None:
    app = open_view(start(gemeente="Zwolle"), "Hiaten")
    base = _map_arguments(app)
    assert _focus_in_address(app) == {}

    app.selectbox(key="gaps_province").set_value("Limburg").run()
    assert _focus_in_address(app) == {"provincie": "Limburg"}
    assert _map_arguments(app) == base

    app.selectbox(key="gaps_police_unit").set_value("Oost-Nederland").run()
    assert _focus_in_address(app) == {"politie-eenheid": "Oost-Nederland"}  # the most specific

    app.selectbox(key="gaps_safety_region").set_value("VR04").run()
    assert _focus_in_address(app) == {"veiligheidsregio": "VR04"}
    assert _map_arguments(app) == base
    assert app.query_params["gemeente"] == "GM0193"  # the selection is kept beside it

    app.selectbox(key="gaps_safety_region").set_value("alle").run()
    app.selectbox(key="gaps_police_unit").set_value("alle").run()
    assert _focus_in_address(app) == {"provincie": "Limburg"}
    app.selectbox(key="gaps_province").set_value("alle").run()
    assert _focus_in_address(app) == {}
    assert _map_arguments(app) == base


def test_the_region_leaves_the_map_with_the_gaps_view() -> None:
    app = open_view(start(), "Hiaten")
    app.selectbox(key="gaps_safety_region").set_value("VR23").run()
    assert _focus_in_address(app) == {"veiligheidsregio": "VR23"}
    open_view(app, "Grensregel")
    assert _focus_in_address(app) == {}


def test_a_region_in_a_link_opens_the_gaps_view_and_an_unknown_one_is_dropped() -> None:
    """Issue 17: a region link is shareable: it opens the gaps view with that region chosen
    (the most specific one the link names); a region the register does not know is dropped."""
    app = start(veiligheidsregio="VR04", provincie="Limburg")
    assert app.selectbox(key="gaps_safety_region").value == "VR04"
    assert _focus_in_address(app) == {"veiligheidsregio": "VR04"}
    assert app.query_params["weergave"] == "hiaten"
    assert _focus_in_address(start(veiligheidsregio="VR99")) == {}
