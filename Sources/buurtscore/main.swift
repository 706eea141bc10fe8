print("buurtscore")
