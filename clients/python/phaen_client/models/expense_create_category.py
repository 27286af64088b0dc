from enum import StrEnum


class ExpenseCreateCategory(StrEnum):
    VALUE_0 = "1.1"
    VALUE_1 = "1.2"
    VALUE_10 = "4"
    VALUE_11 = "5"
    VALUE_12 = "6"
    VALUE_2 = "1.3"
    VALUE_3 = "1.4"
    VALUE_4 = "1.5"
    VALUE_5 = "2.1"
    VALUE_6 = "2.2"
    VALUE_7 = "2.3"
    VALUE_8 = "2.4"
    VALUE_9 = "3"

    def __str__(self) -> str:
        return str(self.value)
